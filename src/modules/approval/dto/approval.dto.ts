import { Optional } from '../../../common/validators';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';

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

  @ApiPropertyOptional({ format: 'uuid', description: 'a delegate signs for the approver who named them (README "Approver pages")' })
  @Optional()
  @IsUUID()
  onBehalfOf?: string;
}
