import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { type OrgRole } from '../user.entity';

export class CreateUserDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200)
  name: string;

  @ApiProperty() @IsEmail() @MaxLength(320)
  email: string;

  @ApiProperty({ enum: ['admin', 'member'] }) @IsIn(['admin', 'member'])
  orgRole: OrgRole;

  @ApiPropertyOptional() @IsOptional() @IsBoolean()
  executive?: boolean;
}

export class CreateTokenDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200)
  label?: string;
}
