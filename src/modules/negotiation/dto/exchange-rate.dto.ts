import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsISO4217CurrencyCode, Matches, ValidateNested } from 'class-validator';
import { IsDecimalString, UPPER_CODE } from './decimal';

export class ExchangeRateDto {
  @ApiProperty({ example: 'USD' }) @IsISO4217CurrencyCode() @Matches(UPPER_CODE, { message: 'currency must be an upper-case ISO 4217 code, e.g. "USD"' })
  currency: string;

  @ApiProperty({ example: '0.9215', description: 'units of the base currency per unit of `currency`; positive, at most 10 decimals' })
  @IsDecimalString({ integerDigits: 14, decimals: 10, positive: true })
  rate: string;
}

export class PutExchangeRatesDto {
  @ApiProperty({ type: [ExchangeRateDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => ExchangeRateDto)
  rates: ExchangeRateDto[];
}
