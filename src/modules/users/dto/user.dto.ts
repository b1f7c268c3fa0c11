import { Optional } from '../../../common/validators';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsEmail, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ORG_ROLES, type OrgRole as GrantedRole } from '../../../domain/lifecycle/permissions';
import { type OrgRole } from '../user.entity';
import { type Language, LANGUAGES } from '../../../domain/messages/audiences';

export class CreateUserDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200)
  name: string;

  @ApiProperty() @IsEmail() @MaxLength(320)
  email: string;

  @ApiProperty({ enum: ['admin', 'member'] }) @IsIn(['admin', 'member'])
  orgRole: OrgRole;

  @ApiPropertyOptional({ enum: ORG_ROLES, isArray: true, description: 'organization roles granted with the user (default none)' })
  @Optional() @IsArray() @ArrayMaxSize(ORG_ROLES.length) @ArrayUnique() @IsIn(ORG_ROLES, { each: true })
  orgRoles?: GrantedRole[];

  @ApiPropertyOptional() @Optional() @IsBoolean()
  executive?: boolean;

  @ApiPropertyOptional({ enum: LANGUAGES, description: 'the language of the messages the user receives (default en)' }) @Optional() @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({ description: 'also issue a first API token, shown only in this answer (`token`)' }) @Optional() @IsBoolean()
  withToken?: boolean;
}

/** What an admin changes about another user; a field left out stays as it is. */
export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ORG_ROLES, isArray: true, description: 'replaces the organization roles' })
  @Optional() @IsArray() @ArrayMaxSize(ORG_ROLES.length) @ArrayUnique() @IsIn(ORG_ROLES, { each: true })
  orgRoles?: GrantedRole[];

  @ApiPropertyOptional({ enum: ['admin', 'member'] }) @Optional() @IsIn(['admin', 'member'])
  orgRole?: OrgRole;

  @ApiPropertyOptional() @Optional() @IsBoolean()
  executive?: boolean;

  @ApiPropertyOptional({ enum: LANGUAGES, description: 'the language of the messages the user receives (default en)' }) @Optional() @IsIn(LANGUAGES)
  language?: Language;
}

export class CreateTokenDto {
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(200)
  label?: string;
}
