import { Optional } from '../../../common/validators';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { type OrgRole } from '../user.entity';

export class CreateUserDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200)
  name: string;

  @ApiProperty() @IsEmail() @MaxLength(320)
  email: string;

  @ApiProperty({ enum: ['admin', 'member'] }) @IsIn(['admin', 'member'])
  orgRole: OrgRole;

  @ApiPropertyOptional() @Optional() @IsBoolean()
  executive?: boolean;
}

export class CreateTokenDto {
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(200)
  label?: string;
}
