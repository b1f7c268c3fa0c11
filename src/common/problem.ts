import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DomainError, type ErrorCode, type FieldProblem, invalid } from '../domain/errors';

/** How an error code leaves over HTTP: the status, the code the client reads and, for the scoring core's codes, the `reason`. */
export interface WireCode {
  status: number;
  code: ErrorCode;
  reason?: ErrorCode;
}

/**
 * The HTTP status and public code of every domain error code; the switch is exhaustive so a new
 * code cannot be forgotten. `namesFields`: the error lists field problems (`errors`).
 */
export function wireOf(code: ErrorCode, namesFields: boolean): WireCode {
  switch (code) {
    case 'UNAUTHENTICATED':
      return { status: 401, code };
    case 'FORBIDDEN':
    case 'SELF_GRANT':
    case 'SOD_VIOLATION':
    case 'CONFLICT_OF_INTEREST':
      return { status: 403, code };
    case 'NOT_FOUND':
      return { status: 404, code };
    case 'VALIDATION':
      return { status: 400, code };
    case 'PAYLOAD_TOO_LARGE':
      return { status: 413, code };
    case 'UNSUPPORTED_MEDIA_TYPE':
      return { status: 415, code };
    case 'METHOD_NOT_ALLOWED':
      return { status: 405, code };
    case 'PRECONDITION_FAILED':
      return { status: 412, code };
    case 'PRECONDITION_REQUIRED':
      return { status: 428, code };
    case 'IDEMPOTENCY_KEY_IN_USE':
      return { status: 409, code };
    case 'IDEMPOTENCY_KEY_REUSED':
      return { status: 422, code };
    case 'STAGE_NOT_ALLOWED':
    case 'CASE_READ_ONLY':
    case 'DECLARATION_MISSING':
    case 'INVALID_TRANSITION':
    case 'PRECONDITIONS_UNMET':
    case 'CONFLICT':
    case 'OFFER_SEALED':
    case 'ROUND_CLOSED':
    case 'IMPORT_CONFLICT':
      return { status: 409, code };
    case 'AHP_INCONSISTENT':
    case 'UNPROCESSABLE':
    case 'ORG_ROLE_REQUIRED':
      return { status: 422, code };
    case 'WEIGHTS_INVALID':
    case 'POLICY_INVALID':
    case 'AHP_MATRIX_INVALID':
    case 'MATRIX_INVALID':
    case 'RATIO_NON_POSITIVE':
    case 'VALUE_OUT_OF_RANGE':
    case 'NORMALIZATION_UNSUPPORTED':
      // input the scoring core refuses: a field-level problem is the client's (400), the rest is unprocessable (422)
      return namesFields ? { status: 400, code: 'VALIDATION', reason: code } : { status: 422, code: 'UNPROCESSABLE', reason: code };
    default: {
      const exhaustive: never = code;
      return exhaustive;
    }
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  500: 'Internal Server Error',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: string;
  errors?: FieldProblem[];
  [extra: string]: unknown;
}

function problemOf(error: DomainError): Problem {
  const errors = error.details.errors;
  const wire = wireOf(error.code, errors !== undefined);
  return {
    type: `urn:problem:${wire.code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[wire.status] ?? 'Error',
    status: wire.status,
    detail: error.message,
    code: wire.code,
    // the scoring core's details describe its input, not the request: only the field problems and its code go out
    ...(wire.reason ? { ...(errors ? { errors } : {}), reason: wire.reason } : error.details),
  };
}

/** PostgreSQL errors that bad input can still reach (a race on a unique key, a value out of range). */
function fromPostgres(err: { code?: string; detail?: string; constraint?: string; column?: string }): DomainError | null {
  switch (err.code ?? '') {
    case '23502':
      return invalid([{ field: err.column ?? 'body', message: `${err.column ?? 'a value'} must not be null` }], 'a required value is missing');
    case '22021':
    case '22P05':
      return invalid([{ field: 'body', message: 'text must not contain NUL or unstorable characters' }], 'a text holds a character that cannot be stored');
    case '23505':
      return new DomainError('CONFLICT', `already exists (${err.constraint ?? 'unique'})`);
    case '23503':
      return new DomainError('CONFLICT', `refers to something that does not exist (${err.constraint ?? 'foreign key'})`);
    case '23514':
    case '22P02':
    case '22003':
    case '22007':
    case '22008':
    case '22001':
      return new DomainError('VALIDATION', `a value is out of range or malformed (${err.constraint ?? err.code})`);
    case '40001':
    case '40P01':
    case '55P03':
      return new DomainError('CONFLICT', 'another request changed the same data at the same moment; try again');
    default:
      return null;
  }
}

export function toProblem(exception: unknown): { problem: Problem; unexpected: boolean } {
  if (exception instanceof DomainError) return { problem: problemOf(exception), unexpected: false };
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const detail = typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? exception.message);
    return {
      problem: {
        type: 'about:blank',
        title: TITLES[status] ?? 'Error',
        status,
        detail: Array.isArray(detail) ? detail.join('; ') : String(detail),
        code: `HTTP_${status}`,
      },
      unexpected: false,
    };
  }
  const bodyError = exception as { type?: string; status?: number };
  if (bodyError?.type === 'entity.too.large') {
    return {
      problem: problemOf(new DomainError('PAYLOAD_TOO_LARGE', 'the request body is too large', { errors: [{ field: 'body', message: 'the body is larger than the service accepts' }] })),
      unexpected: false,
    };
  }
  if (bodyError?.type === 'charset.unsupported' || bodyError?.type === 'encoding.unsupported') {
    const field = bodyError.type === 'charset.unsupported' ? 'Content-Type' : 'Content-Encoding';
    return {
      problem: problemOf(
        new DomainError('UNSUPPORTED_MEDIA_TYPE', `the request body's ${field} is not supported`, {
          errors: [{ field, message: bodyError.type === 'charset.unsupported' ? 'the charset must be utf-8' : 'unsupported content encoding' }],
        }),
      ),
      unexpected: false,
    };
  }
  const exposed = exception as { expose?: boolean; status?: number; message?: string };
  if (exposed?.expose && typeof exposed.status === 'number' && exposed.status >= 400 && exposed.status < 500 && exposed.status !== 400) {
    // any other client error the body parser reports (its own status and message), never a 500
    const status = exposed.status;
    return {
      problem: { type: 'about:blank', title: TITLES[status] ?? 'Error', status, detail: exposed.message ?? 'request refused', code: `HTTP_${status}` },
      unexpected: false,
    };
  }
  if (bodyError?.type === 'entity.parse.failed' || bodyError?.status === 400) {
    return {
      problem: problemOf(
        invalid([{ field: 'body', message: 'malformed JSON' }], 'the request body is not valid JSON'),
      ),
      unexpected: false,
    };
  }
  const pg = fromPostgres(exception as { code?: string });
  if (pg) return { problem: problemOf(pg), unexpected: false };
  return {
    problem: { type: 'about:blank', title: TITLES[500], status: 500, detail: 'an unexpected error occurred', code: 'INTERNAL' },
    unexpected: true,
  };
}

export function sendProblem(res: Response, req: Request, exception: unknown, logger: Logger): void {
  const { problem, unexpected } = toProblem(exception);
  if (unexpected) logger.error(exception instanceof Error ? exception.stack : String(exception));
  res.status(problem.status).type('application/problem+json').send(JSON.stringify({ ...problem, instance: req.originalUrl }));
}

/** Every error leaves as application/problem+json (RFC 9457). */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(http.getResponse<Response>(), http.getRequest<Request>(), exception, this.logger);
  }
}

/** Express error middleware for what fails before Nest routes (body parsing, size limit). */
export function bodyErrorHandler(logger: Logger) {
  return (err: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(err);
    sendProblem(res, req, err, logger);
  };
}
