import { type PipeTransform } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsString, IsUUID, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { validationPipe } from '../../../common/validation';
import { IsIsoDate, NotInFuture, OnlyFor, Trim } from './validators';

export const PERFORMANCE_TYPES = ['delivery', 'incident'] as const;
export const SEVERITIES = ['minor', 'major', 'critical'] as const;

const isDelivery = (o: PerformanceEventDto) => o.type === 'delivery';
const isIncident = (o: PerformanceEventDto) => o.type === 'incident';

/**
 * One body, two variants told apart by `type`: a delivery `{date, onTime, inFull, caseId?}` or an
 * incident `{date, severity, description}`. A field of the other variant is refused by name.
 */
export class PerformanceEventDto {
  @ApiProperty({ enum: PERFORMANCE_TYPES }) @IsIn(PERFORMANCE_TYPES)
  type: 'delivery' | 'incident';

  @ApiProperty({ example: '2026-03-02', description: 'not in the future (UTC)' }) @IsIsoDate() @NotInFuture()
  date: string;

  @ApiPropertyOptional({ description: 'delivery only' })
  @ValidateIf((o: PerformanceEventDto, v) => isDelivery(o) || v !== undefined)
  @OnlyFor('type', 'delivery')
  @IsBoolean()
  onTime?: boolean;

  @ApiPropertyOptional({ description: 'delivery only' })
  @ValidateIf((o: PerformanceEventDto, v) => isDelivery(o) || v !== undefined)
  @OnlyFor('type', 'delivery')
  @IsBoolean()
  inFull?: boolean;

  @ApiPropertyOptional({ description: 'delivery only: the AWARDED case it was delivered under' })
  @ValidateIf((_: PerformanceEventDto, v) => v !== undefined)
  @OnlyFor('type', 'delivery')
  @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({ enum: SEVERITIES, description: 'incident only' })
  @ValidateIf((o: PerformanceEventDto, v) => isIncident(o) || v !== undefined)
  @OnlyFor('type', 'incident')
  @IsIn(SEVERITIES)
  severity?: 'minor' | 'major' | 'critical';

  @ApiPropertyOptional({ description: 'incident only' })
  @ValidateIf((o: PerformanceEventDto, v) => isIncident(o) || v !== undefined)
  @OnlyFor('type', 'incident')
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  description?: string;
}

/** Events per call of `POST /suppliers/:id/performance/batch`. */
export const MAX_EVENTS = 1000;

/** Many events of one supplier in one call, all or nothing. */
export class PerformanceEventsDto {
  @ApiProperty({ type: [PerformanceEventDto], description: `1–${MAX_EVENTS} events, recorded together or not at all` })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_EVENTS) @ValidateNested({ each: true }) @Type(() => PerformanceEventDto)
  events: PerformanceEventDto[];
}

/**
 * The body of `POST /suppliers/:id/performance`: one event, or several of one supplier as
 * `{events: [...]}` (or a JSON array of events), validated as the one DTO or the other by shape.
 * Several come back as an array, one as itself.
 */
export const oneOrManyEvents: PipeTransform<unknown, Promise<PerformanceEventDto | PerformanceEventDto[]>> = {
  async transform(value: unknown) {
    const many = Array.isArray(value) ? { events: value as unknown[] } : isObject(value) && 'events' in value ? value : undefined;
    if (many) {
      const dto = (await validationPipe.transform(many, { type: 'body', metatype: PerformanceEventsDto })) as PerformanceEventsDto;
      return dto.events;
    }
    return (await validationPipe.transform(value, { type: 'body', metatype: PerformanceEventDto })) as PerformanceEventDto;
  },
};

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

export class ReliabilityQuery {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'default today (UTC); events after it are ignored' })
  @ValidateIf((_: ReliabilityQuery, v) => v !== undefined)
  @IsIsoDate()
  asOf?: string;
}
