import { DomainError, ERROR_CODES, type ErrorCode, invalid } from '../domain/errors';
import { toProblem } from './problem';

/**
 * What each code looks like over HTTP. Typed by the union, so a new code without an expected
 * answer does not compile; `withFields` is the answer when the error lists field problems.
 */
const EXPECTED: Record<ErrorCode, { status: number; code: string; withFields?: { status: number; code: string } }> = {
  UNAUTHENTICATED: { status: 401, code: 'UNAUTHENTICATED' },
  FORBIDDEN: { status: 403, code: 'FORBIDDEN' },
  SELF_GRANT: { status: 403, code: 'SELF_GRANT' },
  SOD_VIOLATION: { status: 403, code: 'SOD_VIOLATION' },
  CONFLICT_OF_INTEREST: { status: 403, code: 'CONFLICT_OF_INTEREST' },
  NOT_FOUND: { status: 404, code: 'NOT_FOUND' },
  VALIDATION: { status: 400, code: 'VALIDATION' },
  PAYLOAD_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  METHOD_NOT_ALLOWED: { status: 405, code: 'METHOD_NOT_ALLOWED' },
  PRECONDITION_FAILED: { status: 412, code: 'PRECONDITION_FAILED' },
  PRECONDITION_REQUIRED: { status: 428, code: 'PRECONDITION_REQUIRED' },
  IDEMPOTENCY_KEY_IN_USE: { status: 409, code: 'IDEMPOTENCY_KEY_IN_USE' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, code: 'IDEMPOTENCY_KEY_REUSED' },
  STAGE_NOT_ALLOWED: { status: 409, code: 'STAGE_NOT_ALLOWED' },
  CASE_READ_ONLY: { status: 409, code: 'CASE_READ_ONLY' },
  DECLARATION_MISSING: { status: 409, code: 'DECLARATION_MISSING' },
  INVALID_TRANSITION: { status: 409, code: 'INVALID_TRANSITION' },
  PRECONDITIONS_UNMET: { status: 409, code: 'PRECONDITIONS_UNMET' },
  CONFLICT: { status: 409, code: 'CONFLICT' },
  OFFER_SEALED: { status: 409, code: 'OFFER_SEALED' },
  ROUND_CLOSED: { status: 409, code: 'ROUND_CLOSED' },
  IMPORT_CONFLICT: { status: 409, code: 'IMPORT_CONFLICT' },
  AHP_INCONSISTENT: { status: 422, code: 'AHP_INCONSISTENT' },
  UNPROCESSABLE: { status: 422, code: 'UNPROCESSABLE' },
  ORG_ROLE_REQUIRED: { status: 422, code: 'ORG_ROLE_REQUIRED' },
  // the scoring core's codes travel as `reason`: 400 VALIDATION when they name fields, else 422 UNPROCESSABLE
  WEIGHTS_INVALID: { status: 422, code: 'UNPROCESSABLE', withFields: { status: 400, code: 'VALIDATION' } },
  POLICY_INVALID: { status: 422, code: 'UNPROCESSABLE', withFields: { status: 400, code: 'VALIDATION' } },
  AHP_MATRIX_INVALID: { status: 422, code: 'UNPROCESSABLE', withFields: { status: 400, code: 'VALIDATION' } },
  MATRIX_INVALID: { status: 422, code: 'UNPROCESSABLE', withFields: { status: 400, code: 'VALIDATION' } },
  RATIO_NON_POSITIVE: { status: 422, code: 'UNPROCESSABLE', withFields: { status: 400, code: 'VALIDATION' } },
  VALUE_OUT_OF_RANGE: { status: 422, code: 'UNPROCESSABLE', withFields: { status: 400, code: 'VALIDATION' } },
  NORMALIZATION_UNSUPPORTED: { status: 422, code: 'UNPROCESSABLE', withFields: { status: 400, code: 'VALIDATION' } },
};

const SCORING = new Set<ErrorCode>(Object.entries(EXPECTED).filter(([, e]) => e.withFields).map(([code]) => code as ErrorCode));

describe('problem+json: one answer per error code', () => {
  it('knows every code the domain declares', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ERROR_CODES].sort());
  });

  describe.each(ERROR_CODES.filter((code) => !SCORING.has(code)))('%s', (code) => {
    it(`answers ${EXPECTED[code].status} with the code, the message as detail and the details as members`, () => {
      const { problem, unexpected } = toProblem(new DomainError(code, 'what went wrong', { errors: [{ field: 'f', message: 'm' }], extra: 1 }));
      expect(unexpected).toBe(false);
      expect(problem).toEqual({
        type: `urn:problem:${code.toLowerCase().replace(/_/g, '-')}`,
        title: expect.any(String),
        status: EXPECTED[code].status,
        detail: 'what went wrong',
        code,
        errors: [{ field: 'f', message: 'm' }],
        extra: 1,
      });
    });
  });

  describe.each([...SCORING])('%s (scoring core)', (code) => {
    it(`answers ${EXPECTED[code].withFields?.status} VALIDATION naming the fields, with the core's code as reason`, () => {
      const { problem } = toProblem(new DomainError(code, 'bad input', { errors: [{ field: 'weights[0]', message: 'must be positive' }], input: [0] }));
      expect(problem).toEqual({
        type: 'urn:problem:validation',
        title: 'Bad Request',
        status: EXPECTED[code].withFields?.status,
        detail: 'bad input',
        code: EXPECTED[code].withFields?.code,
        errors: [{ field: 'weights[0]', message: 'must be positive' }],
        reason: code,
      });
    });

    it(`answers ${EXPECTED[code].status} UNPROCESSABLE without fields, keeping the core's input details to itself`, () => {
      const { problem } = toProblem(new DomainError(code, 'cannot score', { criterionId: 'k', value: -1 }));
      expect(problem).toEqual({
        type: 'urn:problem:unprocessable',
        title: 'Unprocessable Content',
        status: EXPECTED[code].status,
        detail: 'cannot score',
        code: EXPECTED[code].code,
        reason: code,
      });
    });
  });

  it('invalid() is a 400 naming one field, or every problem with its own detail line and extra members', () => {
    expect(toProblem(invalid('deadline', 'must be in the future')).problem).toMatchObject({
      status: 400,
      code: 'VALIDATION',
      detail: 'The request is not valid',
      errors: [{ field: 'deadline', message: 'must be in the future' }],
    });
    const many = toProblem(invalid([{ field: 'a', message: 'x', line: 2 }], 'the file has 1 problem(s)', { problemCount: 1 })).problem;
    expect(many).toMatchObject({ status: 400, detail: 'the file has 1 problem(s)', errors: [{ field: 'a', message: 'x', line: 2 }], problemCount: 1 });
  });
});
