import { type ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { DomainError } from '../domain/errors';
import { validationPipe } from './validation';

class SampleQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit: number = 50;

  @IsOptional() @IsIn(['a', 'b'])
  kind?: string;
}

const asQuery: ArgumentMetadata = { type: 'query', metatype: SampleQuery, data: undefined };
/** req.query as Express gives it: an object without a prototype */
const query = (fields: Record<string, string | string[]>) => Object.assign(Object.create(null) as object, fields);

async function refusal(value: unknown): Promise<DomainError> {
  try {
    await validationPipe.transform(value, asQuery);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the query was accepted');
}

describe('the validation pipe on a query string it has seen before', () => {
  it('answers the same instance of the class again, a fresh copy each time', async () => {
    const first = (await validationPipe.transform(query({ limit: '7', kind: 'a' }), asQuery)) as SampleQuery;
    const again = (await validationPipe.transform(query({ limit: '7', kind: 'a' }), asQuery)) as SampleQuery;
    expect(again).toBeInstanceOf(SampleQuery);
    expect(again).toEqual(first);
    expect(Object.entries(again)).toEqual(Object.entries(first));
    expect(again).not.toBe(first);
    // what a handler does to its copy is not what the next request gets
    again.limit = 9;
    expect(((await validationPipe.transform(query({ limit: '7', kind: 'a' }), asQuery)) as SampleQuery).limit).toBe(7);
  });

  it('still refuses an unknown field, and a bad value, by name every time', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await refusal(query({ limit: '1', extra: 'x' }))).details.errors).toEqual([{ field: 'extra', message: 'property extra should not exist' }]);
      expect((await refusal(query({ limit: '0' }))).details.errors).toEqual([{ field: 'limit', message: 'limit must not be less than 1' }]);
    }
  });

  it('keeps the answers of different parameters apart', async () => {
    expect(await validationPipe.transform(query({ limit: '2' }), asQuery)).toEqual(Object.assign(new SampleQuery(), { limit: 2 }));
    expect(await validationPipe.transform(query({ limit: '3' }), asQuery)).toEqual(Object.assign(new SampleQuery(), { limit: 3 }));
    expect(await validationPipe.transform(query({}), asQuery)).toEqual(new SampleQuery());
    // a repeated key is an array, which the rules refuse (and which is never remembered)
    for (let i = 0; i < 2; i++) expect((await refusal(query({ limit: ['2', '3'] }))).details.errors?.[0].field).toBe('limit');
  });
});
