import { Optional } from '../../../common/validators';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsISO4217CurrencyCode,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CollectsProblems } from '../../../common/validation';
import { IsDecimalString, UPPER_CODE } from './decimal';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class LineItemDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(500)
  description: string;

  /** a JSON number is accepted and read as its shortest decimal form; a decimal string is exact */
  @ApiProperty({ example: '12', description: 'decimal string (or number), positive, at most 4 decimals' })
  @Transform(({ value }) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : value))
  @IsDecimalString({ integerDigits: 12, decimals: 4, positive: true })
  quantity: string;

  @ApiProperty({ example: '104.1667' })
  @IsDecimalString({ integerDigits: 16, decimals: 4 })
  unitPrice: string;
}

export class ComplianceAnswerDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100)
  requirementId: string;

  @ApiProperty() @IsBoolean()
  met: boolean;

  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(2000)
  note?: string;
}

export class CriterionValueDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100)
  criterionId: string;

  @ApiProperty() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-1e12) @Max(1e12)
  value: number;
}

/**
 * The offer as a supplier submits it through the portal; the buyer's form adds `supplierId`. Its
 * field problems are answered by OffersService together with the specification's rules, in one 400.
 */
@CollectsProblems()
export class OfferBodyDto {
  @ApiProperty({ example: '1250.50', description: 'decimal string, positive, at most 4 decimals' })
  @IsDecimalString({ integerDigits: 16, decimals: 4, positive: true })
  totalPrice: string;

  @ApiProperty({ example: 'EUR' }) @IsISO4217CurrencyCode() @Matches(UPPER_CODE, { message: 'currency must be an upper-case ISO 4217 code, e.g. "EUR"' })
  currency: string;

  @ApiPropertyOptional({ type: [LineItemDto], description: 'Σ quantity × unitPrice must equal totalPrice exactly' })
  @Optional() @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => LineItemDto)
  lineItems?: LineItemDto[];

  @ApiProperty({ minimum: 0, maximum: 3650 }) @IsInt() @Min(0) @Max(3650)
  leadTimeDays: number;

  @ApiProperty({ minimum: 0, maximum: 600 }) @IsInt() @Min(0) @Max(600)
  warrantyMonths: number;

  @ApiProperty({ minimum: 0, maximum: 365 }) @IsInt() @Min(0) @Max(365)
  paymentDays: number;

  @ApiProperty({ example: '2027-06-30', description: 'ISO date, not before the round deadline' })
  @Matches(ISO_DATE, { message: 'validUntil must be an ISO date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true })
  validUntil: string;

  @ApiProperty({ type: [ComplianceAnswerDto], description: 'one answer per mandatory requirement of the current specification' })
  @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => ComplianceAnswerDto)
  compliance: ComplianceAnswerDto[];

  @ApiProperty({ type: [CriterionValueDto], description: 'one value per criterion whose source is offer.value' })
  @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => CriterionValueDto)
  values: CriterionValueDto[];

  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(5000)
  notes?: string;
}

@CollectsProblems()
export class RecordOfferDto extends OfferBodyDto {
  @ApiProperty() @IsUUID()
  supplierId: string;
}
