import { Optional } from '../../../common/validators';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsISO8601, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

export class OpenRoundDto {
  @ApiProperty({ example: '2027-01-15T17:00:00Z', description: 'ISO 8601 date-time in the future' })
  @IsISO8601({ strict: true })
  deadline: string;

  @ApiPropertyOptional({ default: false }) @Optional() @IsBoolean()
  bestAndFinal?: boolean;
}

export class EliminationDto {
  @ApiProperty() @IsUUID()
  supplierId: string;

  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000)
  reason: string;
}
