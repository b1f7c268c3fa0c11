import { Optional } from '../../../common/validators';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { type ShortlistStatus } from '../shortlist-entry.entity';

const trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
export const SHORTLIST_STATUSES = ['shortlisted', 'excluded'] as const;
export const JUSTIFICATION_MIN_LENGTH = 30;

export class AddToShortlistDto {
  @ApiProperty() @IsUUID()
  supplierId: string;

  @ApiPropertyOptional({ description: 'why this supplier is considered' }) @Optional() @trim() @IsString() @IsNotEmpty() @MaxLength(2000)
  reason?: string;
}

export class UpdateShortlistEntryDto {
  @ApiProperty({ enum: SHORTLIST_STATUSES }) @IsIn(SHORTLIST_STATUSES)
  status: ShortlistStatus;

  @ApiProperty({ description: 'why it is excluded or reinstated' }) @trim() @IsString() @IsNotEmpty() @MaxLength(2000)
  reason: string;
}

export class JustificationDto {
  @ApiProperty({ minLength: JUSTIFICATION_MIN_LENGTH, description: 'why fewer suppliers than the purchase type asks for are enough' })
  @trim()
  @IsString()
  @MinLength(JUSTIFICATION_MIN_LENGTH, { message: `text must be at least ${JUSTIFICATION_MIN_LENGTH} characters: a real justification` })
  @MaxLength(5000)
  text: string;
}

export class ShortlistApprovalDto {
  @ApiPropertyOptional({ description: 'a note kept with the approval in the audit trail' })
  @Optional()
  @trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  comment?: string;
}
