import { IsDecimalNumber, NOT_NULL, Optional } from '../../../common/validators';
import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';

import { IsIn, IsInt, IsISO4217CurrencyCode, IsISO8601, IsNotEmpty,  IsOptional, IsPositive, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateBy, ValidateIf } from 'class-validator';
import { PageQuery } from '../../../common/paging';
import { CollectsProblems } from '../../../common/validation';
import { DECIMAL_MESSAGE, DECIMAL_STRING } from '../../../common/money';
import { PURCHASE_TYPES, type PurchaseType, type Stage, STAGES } from '../../../domain/lifecycle/stages';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Its field problems are answered by CasesService with the previous-case rules, in one 400. */
@CollectsProblems()
export class CreateCaseDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200)
  title: string;

  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(5000)
  businessNeed: string;

  @ApiProperty() @IsDecimalNumber(4) @IsPositive() @Max(1e12)
  quantity: number;

  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(30)
  unit: string;

  @ApiProperty({ example: '50000.00' }) @IsString() @Matches(DECIMAL_STRING, { message: `estimatedBudget ${DECIMAL_MESSAGE}` })
  estimatedBudget: string;

  @ApiProperty({ example: 'EUR' }) @IsISO4217CurrencyCode() @Matches(/^[A-Z]{3}$/, { message: 'currency must be an upper-case ISO 4217 code' })
  currency: string;

  @ApiProperty({ example: '2027-03-31' }) @Matches(ISO_DATE, { message: 'neededBy must be an ISO date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true })
  neededBy: string;

  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100)
  category: string;

  @ApiProperty({ enum: PURCHASE_TYPES }) @IsIn(PURCHASE_TYPES)
  purchaseType: PurchaseType;

  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5)
  profitImpact: number;

  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5)
  supplyRisk: number;

  @ApiPropertyOptional() @Optional() @IsUUID()
  previousCaseId?: string;
}

export class UpdateCaseDto extends PartialType(
  PickType(CreateCaseDto, [
    'title',
    'businessNeed',
    'quantity',
    'unit',
    'estimatedBudget',
    'currency',
    'neededBy',
    'category',
    'profitImpact',
    'supplyRisk',
  ] as const),
) {}

export class ListCasesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STAGES }) @IsOptional() @IsIn(STAGES)
  stage?: Stage;

  @ApiPropertyOptional({ enum: PURCHASE_TYPES }) @IsOptional() @IsIn(PURCHASE_TYPES)
  purchaseType?: PurchaseType;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100)
  category?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200)
  q?: string;
}

export class TransitionDto {
  @ApiProperty({ enum: STAGES }) @IsIn(STAGES)
  to: Stage;

  /** Required to cancel: checked with the body's other fields, so one 400 names every mistake. */
  @ApiPropertyOptional({ description: 'why; required when `to` is CANCELLED' })
  @ValidateIf((o: TransitionDto, value) => value !== undefined || o.to === 'CANCELLED')
  @ValidateBy({
    // reported alone, as a null is (NOT_NULL): the reason is missing, not too long
    name: NOT_NULL,
    validator: {
      validate: (value: unknown) => value !== undefined && value !== null,
      defaultMessage: (args) => ((args?.object as TransitionDto).to === 'CANCELLED' ? 'a cancellation needs a reason' : 'reason must not be null'),
    },
  })
  @IsString() @IsNotEmpty() @MaxLength(2000)
  reason?: string;
}

