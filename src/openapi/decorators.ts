import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { PROBLEM_STATUSES } from './problem';

export const IDEMPOTENT = 'contract:idempotent';
export const ETAG = 'contract:etag';

export interface EndpointOptions {
  /** the success status (default 200) */
  status?: number;
  /** the component schema of the success body; null: no body (204) or a non-JSON body described by `content` */
  response?: string | null;
  /** the success body's media types other than JSON (the PDF, the CSV form of the matrix) */
  content?: Record<string, { schema: object }>;
  /** the problem+json answers beyond those the document adds by rule (see completeDocument) */
  problems?: number[];
  /** takes Idempotency-Key (a POST that creates something) */
  idempotent?: boolean;
  /** answers ETag and honours If-Match (a GET, or the PUT/PATCH it guards) */
  etag?: 'read' | 'write';
  description?: string;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/**
 * One operation of the contract: its operationId, summary, success answer and the problems it can
 * give. Every handler carries one; a spec checks the served document for completeness.
 */
export function Endpoint(operationId: string, summary: string, options: EndpointOptions = {}) {
  const status = options.status ?? 200;
  const decorators: Array<MethodDecorator | ClassDecorator> = [ApiOperation({ operationId, summary, description: options.description })];
  const headers: Record<string, object> = {};
  if (options.etag) decorators.push(SetMetadata(ETAG, options.etag));
  if (options.etag) headers.ETag = { description: 'the representation version, for If-Match', schema: { type: 'string' } };
  if (options.idempotent) {
    headers['Idempotent-Replayed'] = { description: '`true` when this is the stored answer to an earlier request with the same Idempotency-Key', schema: { type: 'string', enum: ['true'] } };
  }
  const description = status === 204 ? 'done; no content' : 'success';
  if (options.response) {
    decorators.push(
      ApiResponse({
        status,
        description,
        headers,
        content: { 'application/json': { schema: ref(options.response) }, ...(options.content ?? {}) },
      }),
    );
  } else {
    decorators.push(ApiResponse({ status, description, headers, ...(options.content ? { content: options.content } : {}) }));
  }
  const problems = new Set(options.problems ?? []);
  if (options.idempotent) {
    problems.add(409);
    problems.add(422);
    decorators.push(
      ApiHeader({
        name: 'Idempotency-Key',
        required: false,
        description:
          'a unique key (1–255 visible ASCII characters) for a safe retry: the same key with the same body within 24 h answers the stored response; with another body 422; while the first is still running 409',
        schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7E]+$' },
      }),
      SetMetadata(IDEMPOTENT, true),
    );
  }
  if (options.etag === 'write') {
    problems.add(412);
    problems.add(428);
    decorators.push(
      ApiHeader({
        name: 'If-Match',
        required: false,
        description: 'the ETag you read: the change is refused (412) if the resource changed since; required (428) when the service runs with REQUIRE_IF_MATCH=true',
        schema: { type: 'string' },
      }),
    );
  }
  for (const problem of problems) decorators.push(ApiResponse({ status: problem, description: PROBLEM_STATUSES[problem] }));
  return applyDecorators(...decorators);
}
