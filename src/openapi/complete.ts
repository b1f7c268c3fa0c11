import { type OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_SCHEMA, PROBLEM_STATUSES } from './problem';

type Json = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Every path parameter of the API, by name: its schema and what it names. */
const PATH_PARAMETERS: Record<string, { schema: Json; description: (path: string) => string }> = {
  id: {
    schema: { type: 'string', format: 'uuid' },
    description: (path) => `the ${/\/([a-z-]+)\/\{id\}/.exec(path)?.[1]?.replace(/s$/, '').replace('-', ' ') ?? 'resource'} id`,
  },
  n: { schema: { type: 'integer', minimum: 1, maximum: 999999 }, description: () => 'the round number (1, 2, …), written plainly' },
  supplierId: { schema: { type: 'string', format: 'uuid' }, description: () => 'the supplier id' },
  userId: { schema: { type: 'string', format: 'uuid' }, description: () => 'the user id' },
  messageId: { schema: { type: 'string', format: 'uuid' }, description: () => 'the message id' },
  questionId: { schema: { type: 'string', format: 'uuid' }, description: () => 'the question id' },
};

/**
 * What the decorators leave to one place: every path parameter with its format, `security: []` on
 * the public operations, and on every operation the problem+json answers it can give — those its
 * decorators list, 401 for a secured one, 400/413/415 for one with a body, 400 for one with
 * parameters, and 403/404/409 for every operation on a case.
 */
export function completeDocument(document: OpenAPIObject): OpenAPIObject {
  document.components = document.components ?? {};
  document.components.schemas = { ...document.components.schemas, Problem: PROBLEM_SCHEMA as Json };
  for (const [path, item] of Object.entries(document.paths)) {
    const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    for (const method of METHODS) {
      const operation = (item as Record<string, Json | undefined>)[method];
      if (!operation) continue;
      const declared = (operation.parameters as Json[] | undefined) ?? [];
      // a header the handler reads with @Headers('if-match') is listed again, as required: the
      // decorator's own declaration (case-insensitive, with its description) is the one that counts
      const described = new Set(declared.filter((p) => p.in === 'header' && p.description).map((p) => String(p.name).toLowerCase()));
      const parameters = declared.filter(
        (p) => !(p.in === 'path' && names.includes(String(p.name))) && !(p.in === 'header' && !p.description && described.has(String(p.name).toLowerCase())),
      );
      const pathParameters = names.map((name) => {
        const known = PATH_PARAMETERS[name];
        if (!known) throw new Error(`path parameter {${name}} of ${path} has no schema in PATH_PARAMETERS`);
        return { name, in: 'path', required: true, description: known.description(path), schema: known.schema };
      });
      operation.parameters = [...pathParameters, ...parameters];
      if (!operation.security) operation.security = [];
      const responses = (operation.responses ?? {}) as Record<string, Json>;
      const problems = new Set<number>();
      if ((operation.security as unknown[]).length > 0) problems.add(401);
      // every write parses a body (those that take none refuse any field sent): 400, 413, 415
      if (operation.requestBody || method !== 'get') [400, 413, 415].forEach((s) => problems.add(s));
      if ((operation.parameters as unknown[]).length > 0) problems.add(400);
      if (path.startsWith('/api/v1/cases/{id}')) [403, 404, 409].forEach((s) => problems.add(s));
      for (const status of problems) responses[String(status)] ??= { description: PROBLEM_STATUSES[status] };
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) >= 400 && !response.content) {
          response.description = response.description || PROBLEM_STATUSES[Number(status)];
          response.content = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
        }
      }
      operation.responses = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
    }
  }
  assertReferencesResolve(document);
  return document;
}

/** A schema a module forgot to list in src/openapi/schemas.ts stops the start, not a client. */
function assertReferencesResolve(document: OpenAPIObject): void {
  const known = new Set(Object.keys(document.components?.schemas ?? {}));
  const missing = [...JSON.stringify(document).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]).filter((name) => !known.has(name));
  if (missing.length > 0) throw new Error(`the OpenAPI document refers to schemas it does not have: ${[...new Set(missing)].join(', ')} (list them in src/openapi/schemas.ts)`);
}
