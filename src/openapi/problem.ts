/** The problem+json body every error answer has (RFC 9457), as the exception filter writes it. */
export const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 problem details; every validation failure is listed in `errors`',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', description: 'a URN naming the problem kind, e.g. urn:problem:validation' },
    title: { type: 'string', examples: ['Bad Request'] },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string' },
    instance: { type: 'string', description: 'the request path' },
    code: { type: 'string', description: 'the service error code (VALIDATION, NOT_FOUND, STAGE_NOT_ALLOWED, …)', examples: ['VALIDATION'] },
    reason: { type: 'string', description: "the scoring core's own code (WEIGHTS_INVALID, …) when it refused the input" },
    errors: {
      type: 'array',
      description: 'one entry per failing field or header',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: {
          field: { type: 'string', description: 'the field path (`criteria.0.weight`) or header (`Content-Type`)' },
          message: { type: 'string' },
          line: { type: 'integer', description: 'CSV import: the file line' },
          column: { type: ['string', 'null'], description: 'CSV import: the column' },
          reason: { type: 'string', description: 'CSV import: the same as message' },
        },
      },
    },
    unmet: {
      type: 'array',
      description: 'a refused transition: every unmet precondition',
      items: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } },
    },
  },
  additionalProperties: true,
} as const;

/** What each error status means in this API, for the response descriptions. */
export const PROBLEM_STATUSES: Record<number, string> = {
  400: 'the request is not valid: `errors` names every failing field, parameter or header',
  401: 'no valid token',
  403: 'the caller may not do this (a role without the right)',
  404: 'not found (also: a case the caller has no role on)',
  405: 'the path does not have this method (`Allow` lists those it has)',
  409: 'conflict with the current state (wrong stage, read-only case, duplicate, an Idempotency-Key still in flight)',
  412: 'If-Match does not match the current ETag: someone changed it since you read it',
  413: 'the body is too large',
  415: 'the body is not application/json in UTF-8 (or not text/csv for the import)',
  422: 'well-formed but cannot be processed (a rule of the domain, or an Idempotency-Key reused with another body)',
  428: 'If-Match is required (REQUIRE_IF_MATCH=true)',
  503: 'the database does not answer',
};
