import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';

/** `{conflict: false}`, or `{conflict: true, supplierId, text}`: a conflict names the supplier and says what it is. */
export class DeclarationDto {
  @ApiProperty({ description: 'false: no conflict of interest with any supplier of the case' }) @IsBoolean()
  conflict: boolean;

  @ApiPropertyOptional({ description: 'with conflict: true, the supplier the conflict is with' })
  @ValidateIf((o: DeclarationDto) => o.conflict === true || o.supplierId !== undefined)
  @IsUUID()
  supplierId?: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'with conflict: true, what the conflict is' })
  @ValidateIf((o: DeclarationDto) => o.conflict === true || o.text !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  text?: string;
}
