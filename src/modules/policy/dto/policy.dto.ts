import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { DECIMAL_MESSAGE, DECIMAL_STRING } from '../../../common/money';
import { MAX_ROBUSTNESS_SAMPLES, MIN_ROBUSTNESS_SAMPLES } from '../../../domain/scoring';

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
  @ApiProperty() @ValidateNested() @Type(() => SeverityDto) severity: SeverityDto;
  @ApiProperty() @ValidateNested() @Type(() => ReliabilityWeightsDto) weights: ReliabilityWeightsDto;
}

class ApprovalBandDto {
  @ApiProperty({ nullable: true, example: '10000' })
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
  @IsOptional() @IsNumber() @Min(0) @Max(100) closeCallPercent?: number;
}

class RobustnessPolicyDto {
  @ApiProperty({ example: 10000, description: `rank acceptability draws, a whole number from ${MIN_ROBUSTNESS_SAMPLES} to ${MAX_ROBUSTNESS_SAMPLES}` })
  @IsInt() @Min(MIN_ROBUSTNESS_SAMPLES) @Max(MAX_ROBUSTNESS_SAMPLES) samples: number;

  @ApiProperty({ example: 0.25, description: 'each effective weight is multiplied by a factor uniform in [1 − spread, 1 + spread]; at least 0, below 1' })
  @IsNumber() @Min(0) @Max(0.99) spread: number;
}

/** The whole policy; a PUT replaces the sections it names, keeping the others. */
export class PolicyDto {
  @ApiProperty() @IsOptional() @ValidateNested() @Type(() => StrategicPolicyDto) strategic?: StrategicPolicyDto;
  @ApiProperty() @IsOptional() @ValidateNested() @Type(() => ReliabilityPolicyDto) reliability?: ReliabilityPolicyDto;
  @ApiProperty() @IsOptional() @ValidateNested() @Type(() => ApprovalPolicyDto) approval?: ApprovalPolicyDto;
  @ApiProperty() @IsOptional() @ValidateNested() @Type(() => SensitivityPolicyDto) sensitivity?: SensitivityPolicyDto;
  @ApiProperty() @IsOptional() @ValidateNested() @Type(() => RobustnessPolicyDto) robustness?: RobustnessPolicyDto;
}
