import { getMetadataStorage } from 'class-validator';

type Schema = Record<string, unknown>;
interface Rule {
  propertyName: string;
  type: string;
  name?: string;
  constraints?: unknown[];
  each?: boolean;
}

/**
 * The request schemas say what the server enforces because they are read from the same
 * class-validator rules the validation pipe runs: types, required, lengths, ranges, enums, formats,
 * patterns, item counts; and no other field (the pipe refuses unknown fields). Applied to every
 * component schema named after a validated class.
 */
export function applyValidationRules(schemas: Record<string, Schema>): void {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<abstract new (...args: never[]) => unknown, Rule[]> };
  const classes = new Map<string, abstract new (...args: never[]) => unknown>();
  for (const target of storage.validationMetadatas.keys()) if (target.name) classes.set(target.name, target);
  for (const [name, schema] of Object.entries(schemas)) {
    const target = classes.get(name);
    if (!target) continue;
    const rules = getMetadataStorage().getTargetValidationMetadatas(target as unknown as new () => object, '', true, false) as unknown as Rule[];
    const byProperty = new Map<string, Rule[]>();
    for (const rule of rules) byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    const required: string[] = [];
    for (const [property, propertyRules] of byProperty) {
      const prop = (properties[property] ??= {});
      const optional = propertyRules.some((r) => r.type === 'conditionalValidation');
      const nullable = propertyRules.some((r) => r.name === 'isOptional');
      // required: not conditional, and some rule refuses an absent value (a custom rule alone may accept it)
      const refusesAbsent = propertyRules.some((r) => r.type === 'nestedValidation' || REFUSES_ABSENT.has(r.name ?? ''));
      if ((!optional && refusesAbsent) || propertyRules.some((r) => r.name === 'isDefined')) required.push(property);
      for (const rule of propertyRules) applyRule(prop, rule);
      if (nullable && prop.type && !prop.$ref) prop.type = [...new Set([...(Array.isArray(prop.type) ? prop.type : [prop.type]), 'null'])];
      if (prop.$ref && prop.type) delete prop.type;
    }
    schema.properties = properties;
    if (required.length > 0) schema.required = required;
    else delete schema.required;
    schema.additionalProperties = false;
  }
}

/**
 * The same for query parameters: each handler's `@Query()` class (read from the route metadata)
 * gives its parameters' constraints, found by the operationId of the handler.
 */
export function applyQueryRules(document: { paths: Record<string, Record<string, unknown>> }, controllers: Iterable<abstract new (...args: never[]) => unknown>): void {
  const queryClasses = new Map<string, abstract new (...args: never[]) => unknown>();
  for (const controller of controllers) {
    const prototype = controller.prototype as Record<string, unknown>;
    for (const method of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[method];
      if (method === 'constructor' || typeof handler !== 'function') continue;
      const operation = Reflect.getMetadata(API_OPERATION, handler) as { operationId?: string } | undefined;
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, { index: number; data?: unknown }>;
      const types = (Reflect.getMetadata('design:paramtypes', prototype, method) ?? []) as Array<abstract new (...args: never[]) => unknown>;
      for (const [key, arg] of Object.entries(args)) {
        if (key.startsWith(`${QUERY}:`) && arg.data === undefined && operation?.operationId && types[arg.index]) queryClasses.set(operation.operationId, types[arg.index]);
      }
    }
  }
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as Array<{ operationId?: string; parameters?: Array<{ in: string; name: string; schema?: Schema }> }>) {
      const target = operation?.operationId ? queryClasses.get(operation.operationId) : undefined;
      if (!target) continue;
      const rules = getMetadataStorage().getTargetValidationMetadatas(target as unknown as new () => object, '', true, false) as unknown as Rule[];
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in !== 'query') continue;
        const schema = (parameter.schema ??= {});
        for (const rule of rules.filter((r) => r.propertyName === parameter.name)) applyRule(schema, rule);
      }
    }
  }
}

// Nest's route-argument key for @Query() and @nestjs/swagger's metadata key for @ApiOperation()
const QUERY = 4;
const ROUTE_ARGS_METADATA = '__routeArguments__';
const API_OPERATION = 'swagger/apiOperation';

const REFUSES_ABSENT = new Set([
  'isString', 'isInt', 'isNumber', 'isDecimalNumber', 'isBoolean', 'isArray', 'isObject', 'isIn', 'isUuid', 'isEmail', 'isIso8601',
  'matches', 'isDecimalString', 'isISO4217CurrencyCode', 'isISO31661Alpha2', 'maxLength', 'min', 'max', 'isPositive',
]);

const FORMATS: Record<string, string> = { isUuid: 'uuid', isEmail: 'email' };

function applyRule(prop: Schema, rule: Rule): void {
  const target = rule.each ? ((prop.items as Schema | undefined) ?? (prop.items = {})) as Schema : prop;
  const [first] = rule.constraints ?? [];
  const setType = (type: string) => {
    if (target.$ref) return;
    if (Array.isArray(target.type)) target.type = target.type.map((t) => (t === 'object' ? type : t));
    else if (target.type === undefined || target.type === 'object' || target.type === 'number' || rule.name === 'isInt') target.type = type;
  };
  switch (rule.name ?? '') {
    case 'isString':
      setType('string');
      break;
    case 'isInt':
      setType('integer');
      break;
    case 'isNumber':
    case 'isDecimalNumber':
      setType('number');
      break;
    case 'isBoolean':
      setType('boolean');
      break;
    case 'isArray':
      prop.type = 'array';
      prop.items ??= {};
      break;
    case 'isObject':
      if (!target.$ref) target.type = 'object';
      break;
    case 'maxLength':
      target.maxLength = first;
      break;
    case 'minLength':
      target.minLength = first;
      break;
    case 'isNotEmpty':
      if (target.type === 'string' || target.type === undefined) target.minLength = Math.max(Number(target.minLength ?? 0), 1);
      break;
    case 'min':
      target.minimum = first;
      break;
    case 'max':
      target.maximum = first;
      break;
    case 'isPositive':
      target.exclusiveMinimum = 0;
      break;
    case 'isIn':
      target.enum = first;
      break;
    case 'isUuid':
    case 'isEmail':
      setType('string');
      target.format = FORMATS[rule.name ?? ""];
      break;
    case 'isIso8601':
      setType('string');
      if (!target.pattern) target.format = 'date-time';
      break;
    case 'matches':
      setType('string');
      target.pattern = first instanceof RegExp ? first.source : String(first);
      if (target.pattern === '^\\d{4}-\\d{2}-\\d{2}$') target.format = 'date';
      if (target.format === 'date-time' && target.pattern === '^\\d{4}-\\d{2}-\\d{2}$') target.format = 'date';
      break;
    case 'isDecimalString':
      setType('string');
      target.pattern = String(first);
      break;
    case 'isISO4217CurrencyCode':
      setType('string');
      target.pattern ??= '^[A-Z]{3}$';
      break;
    case 'isISO31661Alpha2':
      setType('string');
      target.minLength = 2;
      target.maxLength = 2;
      break;
    case 'arrayMinSize':
      prop.minItems = first;
      break;
    case 'arrayMaxSize':
      prop.maxItems = first;
      break;
    case 'arrayUnique':
      prop.uniqueItems = true;
      break;
    default:
      break;
  }
}
