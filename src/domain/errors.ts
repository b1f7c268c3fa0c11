/** Every failure the service reports is a DomainError with a code; one filter maps codes to HTTP. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VALIDATION'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'STAGE_NOT_ALLOWED'
  | 'CASE_READ_ONLY'
  | 'INVALID_TRANSITION'
  | 'PRECONDITIONS_UNMET'
  | 'CONFLICT'
  | 'WEIGHTS_INVALID'
  | 'AHP_INCONSISTENT'
  | 'OFFER_SEALED'
  | 'ROUND_CLOSED'
  | 'UNPROCESSABLE';

export interface FieldProblem {
  field: string;
  message: string;
  /** for a file body (the CSV import): the line the problem is on */
  line?: number;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { errors?: FieldProblem[]; unmet?: Unmet[]; [key: string]: unknown } = {},
  ) {
    super(message);
  }
}

export interface Unmet {
  code: string;
  message: string;
}

export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found`);
export const invalid = (field: string, message: string) =>
  new DomainError('VALIDATION', 'The request is not valid', { errors: [{ field, message }] });
