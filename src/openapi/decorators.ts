import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { ContractInterceptor, ETAG, IDEMPOTENT } from '../common/contract.interceptor';
import { PROBLEM_STATUSES } from './problem';
import { type Component } from './schema';


export interface EndpointOptions<T = unknown> {
  /** the success status (default 200) */
  status?: number;
  /** the schema of the JSON success body (a module's `*.schemas.ts`); null: no body (204) or a non-JSON body described by `content` */
  response?: Component<T> | null;
  /** the success body's media types other than JSON (the PDF, the CSV form of the matrix) */
  content?: Record<string, { schema: object }>;
  /** the problem+json answers beyond those the document adds by rule (see completeDocument) */
  problems?: number[];
  /** takes Idempotency-Key (a POST that creates something) */
  idempotent?: boolean;
  /** answers ETag and honours If-Match (a GET, or the PUT/PATCH it guards) */
  etag?: 'read' | 'write';
  /** response headers of the success answer beyond ETag and Idempotent-Replayed (OpenAPI header objects) */
  headers?: Record<string, object>;
  description?: string;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** What the compiler says when a handler returns something else than its response schema describes. */
interface ResponseMismatch<T> {
  'the handler answers another type than its response schema describes': T;
}
type KeysOf<T> = T extends unknown ? keyof T : never;
/**
 * R (the CSV alternative of a JSON answer aside) is one of the values T describes, with no key T
 * lacks: a schema shared by several handlers describes each of their answers.
 */
type Checked<R, T> = [Exclude<R, string>] extends [T] ? ([Exclude<KeysOf<Exclude<R, string>>, KeysOf<T>>] extends [never] ? unknown : ResponseMismatch<T>) : ResponseMismatch<T>;
type Handler = (...args: never[]) => unknown;
type EndpointDecorator<T> = <F extends Handler>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<F> & Checked<Awaited<ReturnType<F>>, T>) => void;

/**
 * One operation of the contract: its operationId, summary, success answer and the problems it can
 * give. Every handler carries one; a spec checks the served document for completeness. With a
 * `response` schema the compiler also checks that the handler returns exactly the type it describes.
 */
export function Endpoint<T>(operationId: string, summary: string, options: EndpointOptions<T> & { response: Component<T> }): EndpointDecorator<T>;
export function Endpoint(operationId: string, summary: string, options?: EndpointOptions<never> & { response?: null }): MethodDecorator;
export function Endpoint<T>(operationId: string, summary: string, options: EndpointOptions<T> = {}): MethodDecorator {
  const status = options.status ?? 200;
  const decorators: Array<MethodDecorator | ClassDecorator> = [ApiOperation({ operationId, summary, description: options.description })];
  const headers: Record<string, object> = { ...(options.headers ?? {}) };
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
        content: { 'application/json': { schema: ref(options.response.name) }, ...(options.content ?? {}) },
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
  // the ETag and the Idempotency-Key replay: only where the route has one (the others run without an interceptor)
  if (options.etag || options.idempotent) decorators.push(UseInterceptors(ContractInterceptor));
  return applyDecorators(...decorators) as MethodDecorator;
}
