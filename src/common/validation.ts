import { type ArgumentMetadata, ParseUUIDPipe, type PipeTransform, type ValidationError, ValidationPipe } from '@nestjs/common';
import { type ValidatorOptions } from 'class-validator';
import { DomainError, type FieldProblem, invalid } from '../domain/errors';
import { NOT_NULL } from './validators';

/** Flattens nested class-validator errors into one entry per failing field path (`scores.0.score`). */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const constraints = error.constraints?.[NOT_NULL] ? { [NOT_NULL]: error.constraints[NOT_NULL] } : (error.constraints ?? {});
    const own = Object.values(constraints).map((message) => ({ field, message }));
    if (error.constraints?.[NOT_NULL]) return own;
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

const COLLECTS_PROBLEMS = Symbol('collectsProblems');
const EDGE_PROBLEMS = Symbol('edgeProblems');

/**
 * For a body whose rules partly need the case (an offer against its specification): the pipe does
 * not answer the field problems it finds, it leaves them on the instance so the service answers
 * them in one 400 together with its own (README "Errors": every validation pass before the first
 * answer). The service must read them with `edgeProblems(dto)` and refuse when any is left. The
 * mark is the class's own: a subclass or a mapped type (PartialType) does not inherit it.
 */
export function CollectsProblems(): ClassDecorator {
  return (target) => {
    Reflect.defineMetadata(COLLECTS_PROBLEMS, true, target);
  };
}

/** The field problems the pipe found on a `@CollectsProblems()` body (empty for a valid one). */
export function edgeProblems(dto: object): FieldProblem[] {
  return (dto as { [EDGE_PROBLEMS]?: FieldProblem[] })[EDGE_PROBLEMS] ?? [];
}

/** The top-level fields among problems, for a service that must skip the rules reading a field already refused. */
export function refusedFields(problems: readonly FieldProblem[]): Set<string> {
  return new Set(problems.map((p) => p.field));
}

/**
 * The global pipe. Anything the validator itself trips over (an odd shape class-transformer cannot
 * walk) is still the client's malformed input: a 400 naming where it came from, never a 500.
 */
class SafeValidationPipe extends ValidationPipe {
  private readonly queries = new QueryMemo();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const known = this.queries.get(value, metadata);
    if (known) return known;
    try {
      const result: unknown = await super.transform(value, metadata);
      this.queries.put(value, metadata, result);
      return result;
    } catch (error) {
      if (error instanceof DomainError) throw error;
      const field = metadata.type === 'body' ? 'body' : (metadata.data ?? metadata.type);
      throw invalid(field, `${field} has a shape this endpoint does not accept`);
    }
  }

  protected override async validate(object: object, validatorOptions?: ValidatorOptions): Promise<ValidationError[]> {
    const errors = await super.validate(object, validatorOptions);
    const metatype = (object as { constructor?: unknown }).constructor;
    const collects = typeof metatype === 'function' && object instanceof metatype && Reflect.getOwnMetadata(COLLECTS_PROBLEMS, metatype) === true;
    if (!collects || errors.length === 0) return errors;
    Object.defineProperty(object, EDGE_PROBLEMS, { value: fieldProblems(errors), enumerable: false });
    return [];
  }
}

/** Past this many query strings per class the memo starts afresh. */
const QUERY_MEMO_ENTRIES = 500;

/**
 * A query DTO (`@Query() q: ListCasesQuery`) validated once per query string: the same parameters
 * give the same instance, so a query string seen before is answered with a copy of what the pipe
 * made of it then (every query rule is a function of the parameters alone). Only a valid query is
 * remembered, so an unknown or bad field is refused by the pipe each time, with its 400; only
 * parameters that are all plain strings (no repeated key), and instances holding only plain values.
 */
class QueryMemo {
  private readonly byClass = new Map<unknown, Map<string, Record<string, unknown>>>();

  get(value: unknown, metadata: ArgumentMetadata): object | null {
    const key = this.keyOf(value, metadata);
    if (key === null) return null;
    const fields = this.byClass.get(metadata.metatype)?.get(key);
    if (fields === undefined) return null;
    return Object.assign(Object.create((metadata.metatype as { prototype: object }).prototype) as object, fields);
  }

  put(value: unknown, metadata: ArgumentMetadata, result: unknown): void {
    const key = this.keyOf(value, metadata);
    if (key === null || typeof result !== 'object' || result === null || result.constructor !== metadata.metatype) return;
    if (Object.getOwnPropertySymbols(result).length > 0) return;
    const fields: Record<string, unknown> = {};
    for (const name of Object.getOwnPropertyNames(result)) {
      const descriptor = Object.getOwnPropertyDescriptor(result, name)!;
      const v: unknown = descriptor.value;
      if (!descriptor.enumerable || !descriptor.writable || (v !== null && typeof v === 'object') || typeof v === 'function') return;
      fields[name] = v;
    }
    let known = this.byClass.get(metadata.metatype);
    if (known === undefined) this.byClass.set(metadata.metatype, (known = new Map()));
    if (known.size >= QUERY_MEMO_ENTRIES) known.clear();
    known.set(key, fields);
  }

  /** The whole query of a DTO class, as its parameters came (null: not remembered). */
  private keyOf(value: unknown, metadata: ArgumentMetadata): string | null {
    if (metadata.type !== 'query' || metadata.data !== undefined || typeof metadata.metatype !== 'function') return null;
    if (typeof value !== 'object' || value === null) return null;
    const entries = Object.entries(value);
    for (const [, v] of entries) if (typeof v !== 'string') return null;
    return JSON.stringify(entries);
  }
}

export const validationPipe = new SafeValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  transform: true,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) =>
    invalid(fieldProblems(errors)),
});

export const uuidPipe = (field: string) =>
  new ParseUUIDPipe({
    exceptionFactory: () =>
      invalid(field, `${field} must be a UUID`),
  });

/** For a POST that takes no input: nothing or `{}`; any field sent is refused by name, like an unknown DTO field. */
export const noBodyPipe: PipeTransform = {
  transform(value: unknown) {
    if (value === undefined || value === null) return {};
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw invalid('body', 'this endpoint takes no input');
    }
    const fields = Object.keys(value);
    if (fields.length > 0) {
      throw invalid(fields.map((field) => ({ field, message: `property ${field} should not exist` })));
    }
    return {};
  },
};
