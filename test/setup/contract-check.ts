import Ajv2020Module, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { type Exchange } from './contract-recorder';

type Json = Record<string, unknown>;
// CommonJS packages under the ESM test build: the class is the default export's default
const Ajv2020 = ((Ajv2020Module as unknown as { default?: typeof Ajv2020Module }).default ?? Ajv2020Module) as typeof Ajv2020Module;
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;
interface Operation {
  method: string;
  template: string;
  operationId: string;
  regex: RegExp;
  params: number;
  responses: Record<string, Json>;
}

/** The operations of an OpenAPI document, matched against concrete request paths. */
export function operationsOf(document: Json): Operation[] {
  const ops: Operation[] = [];
  for (const [template, item] of Object.entries(document.paths as Record<string, Record<string, Json>>)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'put', 'post', 'delete', 'patch'].includes(method)) continue;
      const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
      ops.push({
        method: method.toUpperCase(),
        template,
        operationId: String(op.operationId),
        regex: new RegExp(`^${pattern}/?$`),
        params: (template.match(/\{/g) ?? []).length,
        responses: op.responses as Record<string, Json>,
      });
    }
  }
  // a literal segment wins over a parameter (/suppliers/import before /suppliers/{id})
  return ops.sort((a, b) => a.params - b.params);
}

export function operationFor(ops: Operation[], method: string, path: string): Operation | undefined {
  return ops.find((op) => op.method === (method === 'HEAD' ? 'GET' : method) && op.regex.test(path));
}

/** Object schemas that list their properties become closed: an undocumented field is drift too. */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (!schema || typeof schema !== 'object') return schema;
  const s = Object.fromEntries(Object.entries(schema as Json).map(([k, v]) => [k, k === 'properties' ? Object.fromEntries(Object.entries(v as Json).map(([p, ps]) => [p, closed(ps)])) : closed(v)]));
  if (s.properties && s.additionalProperties === undefined) s.additionalProperties = false;
  return s;
}

export interface Violation {
  operationId: string;
  method: string;
  path: string;
  status: number;
  problem: string;
}

/** Every answer against the document: a status it declares for that operation, a body its schema accepts. */
export function contractViolations(document: Json, exchanges: Exchange[]): Violation[] {
  const ops = operationsOf(document);
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  addFormats(ajv);
  const components = (document.components as Json).schemas as Json;
  ajv.addSchema({ $id: 'doc', components: { schemas: closed(components) } });
  const cache = new Map<string, ValidateFunction>();
  const validator = (schema: Json) => {
    const key = JSON.stringify(schema);
    if (!cache.has(key)) {
      const rewritten = JSON.parse(key.replace(/"#\/components\/schemas\//g, '"doc#/components/schemas/'));
      cache.set(key, ajv.compile(closed(rewritten) as Json));
    }
    return cache.get(key)!;
  };
  const violations: Violation[] = [];
  for (const ex of exchanges) {
    const op = operationFor(ops, ex.method, ex.path);
    if (!op) continue;
    const declared = op.responses[String(ex.status)];
    const base = { operationId: op.operationId, method: ex.method, path: ex.path, status: ex.status };
    if (!declared) {
      violations.push({ ...base, problem: `status ${ex.status} is not declared (declared: ${Object.keys(op.responses).join(', ')})` });
      continue;
    }
    const media = (ex.contentType ?? '').split(';')[0].trim();
    const content = declared.content as Record<string, { schema: Json }> | undefined;
    if (!content) {
      if (ex.body !== undefined) violations.push({ ...base, problem: 'a body where the document declares none' });
      continue;
    }
    if (!content[media]) {
      violations.push({ ...base, problem: `media type ${media || '(none)'} is not declared (declared: ${Object.keys(content).join(', ')})` });
      continue;
    }
    if (ex.body === undefined || !/json/.test(media)) continue;
    const validate = validator(content[media].schema);
    if (!validate(ex.body)) {
      violations.push({ ...base, problem: `body does not match: ${ajv.errorsText(validate.errors, { dataVar: 'body' })}` });
    }
  }
  return violations;
}
