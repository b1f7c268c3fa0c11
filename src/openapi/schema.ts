/**
 * Response schemas that the compiler ties to the values they describe.
 *
 * A `Schema<T>` is a JSON Schema that carries, as a phantom never read at run time, the TypeScript
 * type T of the values it describes. `object<T>()` asks for one schema per key of T — a field the
 * handler returns but the schema lacks does not compile, nor does one it never returns — each of
 * exactly its field's type: nullable exactly when the field can be null, optional exactly when it
 * can be absent, an enum of exactly the union's members. A module's schemas are typed by what its controller's handlers return (`Answer`), so a
 * change to a view that the document does not follow fails `tsc`; the e2e suite also checks every
 * answer against the served document (test/setup/contract-check.ts).
 */
export type JsonSchema = Record<string, unknown>;

export interface Schema<T> {
  readonly json: JsonSchema;
  /**
   * phantom: the type of the values, held invariantly — a schema of `string` does not describe a
   * `string | null` field, nor one of `'a' | 'b'` a field that can also be `'c'`
   */
  readonly _type?: (value: T) => T;
}

/** A named schema: a component of the document (`#/components/schemas/<name>`). */
export interface Component<T> extends Schema<T> {
  readonly name: string;
}

/** What a controller's handler answers (the JSON body: a CSV string alternative left out). */
export type Answer<C, M extends keyof C> = M extends unknown ? (C[M] extends (...args: never[]) => infer R ? Exclude<Awaited<R>, string> : never) : never;

const OPTIONAL = 'x-optional';
const schema = <T>(json: JsonSchema): Schema<T> => ({ json });

export const string = schema<string>({ type: 'string' });
export const uuid = schema<string>({ type: 'string', format: 'uuid' });
export const integer = schema<number>({ type: 'integer' });
export const number = schema<number>({ type: 'number' });
export const boolean = schema<boolean>({ type: 'boolean' });
/** a timestamp the service holds as a Date; JSON carries its ISO 8601 form */
export const dateTime = schema<Date>({ type: 'string', format: 'date-time' });
/** a timestamp the service already holds as an ISO 8601 string */
export const dateTimeText = schema<string>({ type: 'string', format: 'date-time' });
/** a calendar date, YYYY-MM-DD */
export const date = schema<string>({ type: 'string', format: 'date' });
/** an exact decimal as a string: money and rates are never JSON numbers here */
export const decimal = schema<string>({ type: 'string', pattern: '^-?[0-9]+(\\.[0-9]+)?$', description: 'an exact decimal, e.g. "1234.50"' });
/** an ISO 4217 currency code */
export const currency = schema<string>({ type: 'string', pattern: '^[A-Z]{3}$' });
/** a SHA-256 digest in lowercase hex */
export const sha256 = schema<string>({ type: 'string', pattern: '^[0-9a-f]{64}$' });
/** a count, a version or a position: a whole number from 0 (or from `minimum`) */
export const count = (minimum = 0): Schema<number> => schema<number>({ type: 'integer', minimum });

/** one of the given strings: pass the domain's own list, typed by the union it lists */
export function oneOf<const V extends string>(values: readonly V[]): Schema<V> {
  return schema<V>({ type: 'string', enum: [...values] });
}

/** exactly this value */
export function constant<const V extends string | boolean>(value: V): Schema<V> {
  return schema<V>({ type: typeof value, const: value });
}

/** the same schema with a description (or other annotations) */
export function described<T>(s: Schema<T>, description: string, extra: JsonSchema = {}): Schema<T> {
  return schema<T>({ ...s.json, description, ...extra });
}

export function nullable<T>(s: Schema<T>): Schema<T | null> {
  const { description, [OPTIONAL]: optionalMark, ...rest } = s.json;
  const annotations = { ...(description === undefined ? {} : { description }), ...(optionalMark ? { [OPTIONAL]: true } : {}) };
  if (typeof rest.type === 'string' && rest.enum === undefined) return schema({ ...rest, type: [rest.type, 'null'], ...annotations });
  // a $ref, an enum or a union: null as one more alternative
  return schema({ anyOf: [rest, { type: 'null' }], ...annotations });
}

/** a field the service leaves out when it has nothing to say */
export function optional<T>(s: Schema<T>): Schema<T | undefined> {
  return schema({ ...s.json, [OPTIONAL]: true });
}

export function array<T>(items: Schema<T>, extra: JsonSchema = {}): Schema<T[]> {
  return schema({ type: 'array', items: clean(items.json), ...extra });
}

/** an object keyed by names or codes, every value of one schema */
export function record<T>(values: Schema<T>, extra: JsonSchema = {}): Schema<Record<string, T>> {
  return schema({ type: 'object', additionalProperties: clean(values.json), ...extra });
}

type Described<S> = S extends Schema<infer T> ? T : never;

/** a value of one of several types (`string | number`), or one of several shapes */
export function anyOf<const S extends ReadonlyArray<{ readonly json: JsonSchema }>>(...alternatives: S): Schema<Described<S[number]>> {
  return schema({ anyOf: alternatives.map((a) => clean(a.json)) });
}

// a union of object types (`{...a, ...(x ? { b } : {})}`) is one object whose keys are all of theirs,
// those missing from some member optional
type KeysOf<T> = T extends unknown ? keyof T : never;
type Merged<T> = { [K in KeysOf<T>]: T extends unknown ? (K extends keyof T ? T[K] : undefined) : never };
type Untyped = { error: 'give object<T>() its type, or use it where a field types it' };
type Properties<T> = { [K in keyof Merged<T>]-?: Schema<Merged<T>[K]> };

/**
 * An object with exactly the keys of T, each described by a schema of its type. T comes from where
 * the schema is used (a field, an array's items) or is given; never from the properties themselves.
 */
export function object<T = never>(properties: [T] extends [never] ? Untyped : NoInfer<Properties<T>>, extra: JsonSchema = {}): Schema<T> {
  const entries = Object.entries(properties as Record<string, Schema<unknown>>);
  return schema({
    type: 'object',
    properties: Object.fromEntries(entries.map(([key, s]) => [key, clean(s.json)])),
    required: entries.filter(([, s]) => !s.json[OPTIONAL]).map(([key]) => key),
    ...extra,
  });
}

/** The page every list answers: `items` (this page) and `total` (all matches). */
export function page<T>(items: Schema<T>): Schema<{ items: T[]; total: number }> {
  return object<{ items: T[]; total: number }>({ items: array(items), total: count() });
}

/** Names a schema: it becomes `#/components/schemas/<name>` and others refer to it with `ref`. */
export function component<T>(name: string, s: Schema<T>): Component<T> {
  return { name, json: s.json };
}

export function ref<T>(c: Component<T>): Schema<T> {
  return schema<T>({ $ref: `#/components/schemas/${c.name}` });
}

/** A schema the compiler cannot tie to a type (where it is used, say why). */
export function untyped<T>(json: JsonSchema): Schema<T> {
  return schema<T>(json);
}

/** The components of the document from every module's list; a name given twice is refused. */
export function components(...groups: ReadonlyArray<ReadonlyArray<{ readonly name: string; readonly json: JsonSchema }>>): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const c of groups.flat()) {
    if (out[c.name]) throw new Error(`two response schemas are named ${c.name}`);
    out[c.name] = clean(c.json);
  }
  return out;
}

function clean(json: JsonSchema): JsonSchema {
  const { [OPTIONAL]: _mark, ...rest } = json;
  return rest;
}
