import { IsDecimalNumber, Optional } from '../../../common/validators';
import { CollectsProblems } from '../../../common/validation';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidateNested,
  type ValidationArguments,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { MAX_AHP_CRITERIA } from '../../../domain/scoring';
import { MAX_REQUIREMENTS, REQUIREMENT_TYPES, type RequirementType, requirementValueProblem } from '../../../domain/requirements';
import { normalizationProblem } from '../../../domain/specification/rules';
import { CRITERION_KINDS, CRITERION_SOURCES, DIRECTIONS, MAX_CRITERIA, NORMALIZATIONS } from '../../../domain/specification/types';
import type { CriterionKind, CriterionSource, Direction, Normalization } from '../../../domain/scoring';

const NOT_BLANK = /\S/;

@ValidatorConstraint({ name: 'requirementValue' })
class RequirementValueFitsType implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    const { type } = args.object as RequirementDto;
    // an unknown type is reported on `type`; the value cannot be judged without one
    if (!(REQUIREMENT_TYPES as readonly unknown[]).includes(type)) return true;
    return requirementValueProblem(type, value) === null;
  }

  defaultMessage(args: ValidationArguments): string {
    return requirementValueProblem((args.object as RequirementDto).type, args.value) ?? 'value is not valid';
  }
}

@ValidatorConstraint({ name: 'normalizationFitsSource' })
class NormalizationFitsSource implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    return normalizationProblem(String(value), String((args.object as CriterionDto).source)) === null;
  }

  defaultMessage(args: ValidationArguments): string {
    return normalizationProblem(String(args.value), String((args.object as CriterionDto).source)) ?? 'normalization is not valid';
  }
}

export class RequirementDto {
  @ApiPropertyOptional({ description: 'keep this id (it must be a requirement of the current version); without it the text is matched' })
  @Optional() @IsUUID()
  id?: string;

  @ApiProperty({ example: 'ISO 9001 certified' })
  @IsString() @MaxLength(1000) @Matches(NOT_BLANK, { message: 'text must not be blank' })
  text: string;

  @ApiProperty({ enum: REQUIREMENT_TYPES }) @IsIn(REQUIREMENT_TYPES)
  type: RequirementType;

  @ApiPropertyOptional({
    description: 'certification: its name; max_lead_time_days / min_warranty_months: a whole number ≥ 1; yes_no: the required answer; text: none',
    oneOf: [{ type: 'string' }, { type: 'integer' }, { type: 'boolean' }],
    nullable: true,
  })
  @Validate(RequirementValueFitsType)
  value?: string | number | boolean | null;
}

export class CriterionDto {
  @ApiPropertyOptional({ description: 'keep this id (it must be a criterion of the current version); without it the name is matched' })
  @Optional() @IsUUID()
  id?: string;

  @ApiProperty({ example: 'Total cost' })
  @IsString() @MaxLength(200) @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name: string;

  @ApiProperty({ enum: CRITERION_KINDS }) @IsIn(CRITERION_KINDS)
  kind: CriterionKind;

  @ApiProperty({ enum: DIRECTIONS }) @IsIn(DIRECTIONS)
  direction: Direction;

  @ApiProperty({ enum: CRITERION_SOURCES }) @IsIn(CRITERION_SOURCES)
  source: CriterionSource;

  @ApiProperty({ enum: NORMALIZATIONS, description: '`scale` only with the evaluator or reliability source' })
  @IsIn(NORMALIZATIONS) @Validate(NormalizationFitsSource)
  normalization: Normalization;

  @ApiProperty({ example: 40, description: 'a positive number; weights are normalized to sum 1' })
  @IsNumber({ allowNaN: false, allowInfinity: false }) @IsPositive() @Max(1e9)
  weight: number;
}

/** Its field problems are answered with the service's own, in one 400 (README "Errors"). */
@CollectsProblems()
export class PutSpecificationDto {
  @ApiProperty() @IsString() @MaxLength(10000) @Matches(NOT_BLANK, { message: 'description must not be blank' })
  description: string;

  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(10000)
  deliverables?: string;

  @ApiPropertyOptional({ example: 2 })
  @IsOptional() @IsDecimalNumber(4) @IsPositive() @Max(1e12)
  quantity?: number | null;

  @ApiProperty({ type: [RequirementDto] })
  @IsArray() @ArrayMaxSize(MAX_REQUIREMENTS) @ValidateNested({ each: true }) @Type(() => RequirementDto)
  requirements: RequirementDto[];

  @ApiProperty({ type: [CriterionDto] })
  @IsArray() @ArrayMinSize(1, { message: 'criteria must have at least one criterion' }) @ArrayMaxSize(MAX_CRITERIA)
  @ValidateNested({ each: true }) @Type(() => CriterionDto)
  criteria: CriterionDto[];

  @ApiPropertyOptional({ description: 'why the specification changes; required once it is frozen (after SPECIFICATION)' })
  @Optional() @IsString() @MaxLength(2000) @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  reason?: string;
}

export class AhpDto {
  @ApiProperty({ description: 'every criterion id of the draft, once, in the order of the matrix rows', type: [String] })
  @IsArray() @ArrayMinSize(1)
  @ArrayMaxSize(MAX_AHP_CRITERIA, { message: `AHP compares at most ${MAX_AHP_CRITERIA} criteria (Saaty's random index is defined up to n = ${MAX_AHP_CRITERIA})` })
  @IsUUID('all', { each: true })
  criteria: string[];

  @ApiProperty({
    description: 'reciprocal pairwise judgements on the 1/9..9 scale; matrix[i][j] = how much criteria[i] outweighs criteria[j]',
    example: [[1, 3], [1 / 3, 1]],
    type: 'array',
    items: { type: 'array', items: { type: 'number' } },
  })
  @IsArray()
  matrix: number[][];

  @ApiPropertyOptional({ description: 'apply the weights even when CR > 0.10 (needs a reason)' })
  @Optional() @IsBoolean()
  acceptInconsistency?: boolean;

  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(2000) @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  reason?: string;
}

export class SpecificationQuery {
  @ApiPropertyOptional({ description: 'a given version instead of the current one' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000)
  version?: number;
}
