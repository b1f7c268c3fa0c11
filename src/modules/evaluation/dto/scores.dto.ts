import { IsDecimalNumber, Optional } from '../../../common/validators';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray,  IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';

export class ScoreEntryDto {
  @ApiProperty() @IsUUID()
  supplierId: string;

  @ApiProperty({ description: 'a criterion of the specification whose source is `evaluator`' }) @IsUUID()
  criterionId: string;

  @ApiProperty({ minimum: 0, maximum: 10, example: 7.5, description: '0–10, at most 2 decimals' })
  @IsDecimalNumber(2)
  @Min(0)
  @Max(10)
  score: number;

  @ApiPropertyOptional({ maxLength: 2000 }) @Optional() @IsString() @MaxLength(2000)
  comment?: string;
}

export class PutScoresDto {
  @ApiProperty({ type: [ScoreEntryDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => ScoreEntryDto)
  scores: ScoreEntryDto[];
}
