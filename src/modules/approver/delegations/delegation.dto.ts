import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsUUID } from 'class-validator';

/** An approver away: who signs for them, from when until when (ISO 8601 instants). */
export class DelegationDto {
  @ApiProperty({ format: 'uuid', description: 'the user who sees and signs the approver’s decisions in the period (holds the approver organization role)' })
  @IsUUID()
  delegateId: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-14T00:00:00Z' }) @IsISO8601({ strict: true })
  from: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-28T00:00:00Z', description: 'after `from`, at most 90 days later, in the future' })
  @IsISO8601({ strict: true })
  until: string;
}
