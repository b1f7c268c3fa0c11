import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export class ProposeDecisionDto {
  @ApiProperty({ description: 'a supplier ranked in the decision matrix (not excluded)' }) @IsUUID()
  supplierId: string;

  @ApiProperty({ maxLength: 20000, description: 'why this supplier; at least 200 characters when it is not the top-ranked one (override)' })
  @IsString()
  @Matches(/\S/, { message: 'justification must not be blank' })
  @MaxLength(20000)
  justification: string;
}
