/**
 * Every failure the service reports is a DomainError with a code; one filter maps codes to HTTP
 * (src/common/problem.ts, an exhaustive switch with a spec per code).
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  // an admin changing their own organization roles
  'SELF_GRANT',
  // segregation of duties (policy `segregation`): a self-appointment, or an approval the rules bar
  'SOD_VIOLATION',
  // a declared conflict of interest with a shortlisted supplier bars scoring, proposing and signing
  'CONFLICT_OF_INTEREST',
  'NOT_FOUND',
  'VALIDATION',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'METHOD_NOT_ALLOWED',
  // conditional requests (If-Match) and retries (Idempotency-Key)
  'PRECONDITION_FAILED',
  'PRECONDITION_REQUIRED',
  'IDEMPOTENCY_KEY_IN_USE',
  'IDEMPOTENCY_KEY_REUSED',
  'STAGE_NOT_ALLOWED',
  'CASE_READ_ONLY',
  // an evaluator, decider or approver who has not declared their conflicts of interest on the case
  'DECLARATION_MISSING',
  'INVALID_TRANSITION',
  'PRECONDITIONS_UNMET',
  'CONFLICT',
  'AHP_INCONSISTENT',
  'OFFER_SEALED',
  'ROUND_CLOSED',
  // an import that still met concurrent changes of the same suppliers after its retries
  'IMPORT_CONFLICT',
  'UNPROCESSABLE',
  // a case role given to a user whose organization roles do not allow it
  'ORG_ROLE_REQUIRED',
  // input the scoring core refuses (weights, policy, AHP matrix, decision matrix, normalization)
  'WEIGHTS_INVALID',
  'POLICY_INVALID',
  'AHP_MATRIX_INVALID',
  'MATRIX_INVALID',
  'RATIO_NON_POSITIVE',
  'VALUE_OUT_OF_RANGE',
  'NORMALIZATION_UNSUPPORTED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The codes of the scoring core (src/domain/scoring). */
export type ScoringErrorCode = Extract<
  ErrorCode,
  'WEIGHTS_INVALID' | 'POLICY_INVALID' | 'AHP_MATRIX_INVALID' | 'MATRIX_INVALID' | 'RATIO_NON_POSITIVE' | 'VALUE_OUT_OF_RANGE' | 'NORMALIZATION_UNSUPPORTED'
>;

/** One problem with one field of the input; every 400 lists them as `errors`. */
export interface FieldProblem {
  field: string;
  message: string;
  /** for a file body (the CSV import): the line the problem is on */
  line?: number;
}

export interface Unmet {
  code: string;
  message: string;
}

export interface ErrorDetails {
  errors?: FieldProblem[];
  unmet?: Unmet[];
  [key: string]: unknown;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found`);

const NOT_VALID = 'The request is not valid';

/**
 * The one way to refuse input (400 VALIDATION): one field and what is wrong with it, or every
 * problem found, with the detail line and any extra members of the problem body.
 */
export function invalid(field: string, message: string): DomainError;
export function invalid(problems: readonly FieldProblem[], detail?: string, extra?: Record<string, unknown>): DomainError;
export function invalid(
  fieldOrProblems: string | readonly FieldProblem[],
  messageOrDetail?: string,
  extra: Record<string, unknown> = {},
): DomainError {
  if (typeof fieldOrProblems === 'string') {
    return new DomainError('VALIDATION', NOT_VALID, { errors: [{ field: fieldOrProblems, message: messageOrDetail ?? '' }] });
  }
  return new DomainError('VALIDATION', messageOrDetail ?? NOT_VALID, { errors: [...fieldOrProblems], ...extra });
}
