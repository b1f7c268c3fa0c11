import { Optional } from '../../../common/validators';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDefined, IsInt, IsNumber, IsObject, IsString, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { DECIMAL_MESSAGE, DECIMAL_STRING } from '../../../common/money';
import { MAX_ROBUSTNESS_SAMPLES, MIN_ROBUSTNESS_SAMPLES } from '../../../domain/scoring';

/**
 * A section (or sub-section) of the policy: an object, validated through — never null, never an
 * array (which `ValidateNested` alone let through as "no items", storing `strategic: []`).
 */
const Section = (cls: () => new () => object) =>
  applyDecorators(
    IsObject({ message: ({ property }) => `${property} must be an object` }),
    ValidateNested(),
    Type(cls),
  );

class StrategicPolicyDto {
  @ApiProperty({ example: 2 }) @IsNumber() @Min(1) @Max(10) multiplier: number;
  @ApiProperty({ example: 0.3 }) @IsNumber() @Min(0) @Max(0.9) floor: number;
  @ApiProperty({ example: 0.9 }) @IsNumber() @Min(0.1) @Max(0.99) cap: number;
}

class SeverityDto {
  @ApiProperty() @IsNumber() @Min(0) @Max(100) minor: number;
  @ApiProperty() @IsNumber() @Min(0) @Max(100) major: number;
  @ApiProperty() @IsNumber() @Min(0) @Max(100) critical: number;
}

class ReliabilityWeightsDto {
  @ApiProperty() @IsNumber() @Min(0) @Max(1) otif: number;
  @ApiProperty() @IsNumber() @Min(0) @Max(1) quality: number;
  @ApiProperty() @IsNumber() @Min(0) @Max(1) certifications: number;
  @ApiProperty() @IsNumber() @Min(0) @Max(1) financial: number;
}

class ReliabilityPolicyDto {
  @ApiProperty({ example: 365 }) @IsNumber() @Min(1) @Max(36500) halfLifeDays: number;
  @ApiProperty({ example: 5 }) @IsNumber() @Min(0.001) @Max(10000) priorStrength: number;
  @ApiProperty({ example: 0.5 }) @IsNumber() @Min(0) @Max(1) priorMean: number;
  @ApiProperty({ type: () => SeverityDto }) @Section(() => SeverityDto) severity: SeverityDto;
  @ApiProperty({ type: () => ReliabilityWeightsDto }) @Section(() => ReliabilityWeightsDto) weights: ReliabilityWeightsDto;
}

class ApprovalBandDto {
  @ApiProperty({ type: 'string', nullable: true, example: '10000', description: 'the band holds amounts below this; null on the last band (open-ended)' })
  @IsDefined()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @Matches(DECIMAL_STRING, { message: `below ${DECIMAL_MESSAGE}` })
  below: string | null;

  @ApiProperty() @IsInt() @Min(1) @Max(20) approvals: number;
  @ApiProperty() @IsBoolean() executive: boolean;
}

class ApprovalPolicyDto {
  @ApiProperty({ type: [ApprovalBandDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => ApprovalBandDto)
  bands: ApprovalBandDto[];
}

class SensitivityPolicyDto {
  @ApiProperty({ example: 0.1, description: 'a shown-weight change below this (0–1 scale: 0.1 = 10 percentage points) that changes the winner makes the decision "sensitive"' })
  @IsNumber() @Min(0) @Max(1) threshold: number;

  @ApiPropertyOptional({ example: 5, description: 'a runner-up price cut to win below this percentage is a "close call"; left out, the current value stays' })
  @Optional() @IsNumber() @Min(0) @Max(100) closeCallPercent?: number;
}

class RobustnessPolicyDto {
  @ApiProperty({ example: 10000, description: `rank acceptability draws, a whole number from ${MIN_ROBUSTNESS_SAMPLES} to ${MAX_ROBUSTNESS_SAMPLES}` })
  @IsInt() @Min(MIN_ROBUSTNESS_SAMPLES) @Max(MAX_ROBUSTNESS_SAMPLES) samples: number;

  @ApiProperty({ example: 0.25, description: 'each effective weight is multiplied by a factor uniform in [1 − spread, 1 + spread]; at least 0, below 1' })
  @IsNumber() @Min(0) @Max(0.99) spread: number;
}

class SegregationPolicyDto {
  @ApiProperty({ example: true, description: 'the proposer may not approve' }) @IsBoolean() proposerMayNotApprove: boolean;
  @ApiProperty({ example: true, description: 'a buyer, or whoever ran the negotiation, may not approve' }) @IsBoolean() buyerMayNotApprove: boolean;
  @ApiProperty({ example: true, description: 'the initiator may not approve' }) @IsBoolean() initiatorMayNotApprove: boolean;
  @ApiProperty({ example: true, description: 'nobody names themselves approver or decider' }) @IsBoolean() noSelfAppointment: boolean;
  @ApiProperty({ example: true, description: 'evaluators, deciders and approvers declare conflicts of interest before they act; a conflict with a shortlisted supplier bars them' })
  @IsBoolean() conflictDeclarations: boolean;
}

class ImportsPolicyDto {
  @ApiProperty({ example: 20971520, description: 'the most bytes a CSV import may inflate to (gzip, deflate) or be' })
  @IsInt() @Min(1024) @Max(200 * 1024 * 1024) maxInflatedBytes: number;

  @ApiProperty({ example: 100, description: 'the most times the bytes sent a compressed import may inflate to (judged past 1 MiB)' })
  @IsNumber() @Min(1) @Max(10000) maxInflateRatio: number;
}

class SignOffPolicyDto {
  @ApiProperty({ example: 72, description: 'hours an e-mailed sign-in link lives' }) @IsInt() @Min(1) @Max(24 * 30) linkHours: number;
  @ApiProperty({ example: 30, description: 'minutes a browser session on the approver pages lasts' }) @IsInt() @Min(1) @Max(24 * 60) sessionMinutes: number;
  @ApiProperty({ example: 2, description: 'days a signature waits before the approver is reminded' }) @IsInt() @Min(1) @Max(365) reminderDays: number;
  @ApiProperty({ example: 5, description: 'days a signature waits before the admins are told' }) @IsInt() @Min(1) @Max(365) escalationDays: number;
}

class SupplierRemindersPolicyDto {
  @ApiProperty({ example: 48, description: 'the reminder goes this many hours before the round deadline (1–720)' })
  @IsInt() @Min(1) @Max(720) hoursBefore: number;

  @ApiProperty({ example: true, description: 'the gatekeeper releases each reminder (false: reminders leave at once)' })
  @IsBoolean() needGatekeeper: boolean;
}

/**
 * The policy; a PUT replaces the sections it names, each whole (every field of a section is
 * required, so no partial section leaves a hole), and keeps the others. `{}` names none: nothing
 * changes and no version is written.
 */
export class PolicyDto {
  @ApiPropertyOptional({ type: () => StrategicPolicyDto }) @Optional() @Section(() => StrategicPolicyDto) strategic?: StrategicPolicyDto;
  @ApiPropertyOptional({ type: () => ReliabilityPolicyDto }) @Optional() @Section(() => ReliabilityPolicyDto) reliability?: ReliabilityPolicyDto;
  @ApiPropertyOptional({ type: () => ApprovalPolicyDto }) @Optional() @Section(() => ApprovalPolicyDto) approval?: ApprovalPolicyDto;
  @ApiPropertyOptional({ type: () => SensitivityPolicyDto }) @Optional() @Section(() => SensitivityPolicyDto) sensitivity?: SensitivityPolicyDto;
  @ApiPropertyOptional({ type: () => RobustnessPolicyDto }) @Optional() @Section(() => RobustnessPolicyDto) robustness?: RobustnessPolicyDto;
  @ApiPropertyOptional({ type: () => SegregationPolicyDto }) @Optional() @Section(() => SegregationPolicyDto) segregation?: SegregationPolicyDto;
  @ApiPropertyOptional({ type: () => ImportsPolicyDto }) @Optional() @Section(() => ImportsPolicyDto) imports?: ImportsPolicyDto;
  @ApiPropertyOptional({ type: () => SignOffPolicyDto }) @Optional() @Section(() => SignOffPolicyDto) signOff?: SignOffPolicyDto;
  @ApiPropertyOptional({ type: () => SupplierRemindersPolicyDto }) @Optional() @Section(() => SupplierRemindersPolicyDto) supplierReminders?: SupplierRemindersPolicyDto;
}
