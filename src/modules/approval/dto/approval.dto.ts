import { Optional } from '../../../common/validators';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength, ValidateIf } from 'class-validator';

export class SignDto {
  @ApiProperty({ enum: ['approve', 'reject'] }) @IsIn(['approve', 'reject'])
  verdict: 'approve' | 'reject';

  @ApiPropertyOptional({ description: 'required when rejecting' })
  @ValidateIf((o: SignDto) => o.verdict === 'reject' || o.comment !== undefined)
  @IsString()
  @IsNotEmpty({ message: 'comment is required when rejecting' })
  @MaxLength(4000)
  comment?: string;

  @ApiPropertyOptional({ enum: ['DECISION', 'NEGOTIATION'], description: 'where a rejection sends the case (default DECISION)' })
  @Optional()
  @IsIn(['DECISION', 'NEGOTIATION'])
  returnTo?: 'DECISION' | 'NEGOTIATION';
}
