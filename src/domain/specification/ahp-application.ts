import { DomainError, type FieldProblem, invalid } from '../errors';
import { ahp, type AhpResult, CONSISTENCY_LIMIT, validatePairwiseMatrix } from '../scoring';
import { type AhpRecord, type Criterion } from './types';

/**
 * Applying AHP weights to a draft specification (README "AHP weights"): which requests are
 * refused, and what the draft and its stored AHP record become. Pure; the service loads the draft
 * and saves the result.
 */
export interface AhpRequest {
  /** every criterion id of the draft, once, in the order of the matrix rows */
  criteria: readonly string[];
  matrix: number[][];
  acceptInconsistency?: boolean;
  reason?: string;
}

export interface DraftToWeigh {
  version: number;
  frozen: boolean;
  criteria: readonly Criterion[];
}

export interface AhpApplication {
  /** the request's criterion ids, lower case, in matrix order */
  ids: string[];
  result: AhpResult;
  /** CR > 0.10 applied anyway, with the prescriber's reason */
  accepted: boolean;
  /** the draft's criteria in their order, each with the weight AHP gave it */
  criteria: Criterion[];
  record: AhpRecord;
}

const round = (x: number) => +x.toPrecision(4);

/**
 * Refused, in this order: a frozen version (409: AHP applies to a draft); criteria that are not
 * exactly the draft's, each once, or a matrix that is not a valid pairwise matrix (400, every
 * problem by field); CR above 0.10 (422 AHP_INCONSISTENT naming the judgement furthest from the
 * ratio its own weights imply) unless accepted, and accepting needs a reason (400 `reason`).
 */
export function applyAhp(draft: DraftToWeigh, request: AhpRequest, by: { userId: string; at: Date }): AhpApplication {
  if (draft.frozen) {
    throw new DomainError('CONFLICT', `specification version ${draft.version} is frozen; AHP applies to a draft`);
  }
  const ids = request.criteria.map((id) => id.toLowerCase());
  const errors: FieldProblem[] = [];
  const byId = new Map(draft.criteria.map((x) => [x.id, x]));
  const listed = new Set<string>();
  ids.forEach((id, i) => {
    if (!byId.has(id)) errors.push({ field: `criteria.${i}`, message: `${id} is not a criterion of the draft` });
    else if (listed.has(id)) errors.push({ field: `criteria.${i}`, message: `${id} is listed twice` });
    listed.add(id);
  });
  const missing = draft.criteria.filter((x) => !listed.has(x.id));
  if (missing.length > 0) {
    errors.push({
      field: 'criteria',
      message: `every criterion of the draft must be listed once; missing ${missing.map((x) => `"${x.name}" (${x.id})`).join(', ')}`,
    });
  }
  errors.push(...validatePairwiseMatrix(request.matrix, ids.length));
  if (errors.length > 0) throw invalid(errors);

  const result = ahp(request.matrix);
  const accepted = !result.consistent && request.acceptInconsistency === true;
  if (!result.consistent && !accepted) {
    const pair = result.mostInconsistentPair;
    const named = pair && {
      field: `matrix[${pair.i}][${pair.j}]`,
      criteria: [pair.i, pair.j].map((k) => ({ criterionId: ids[k], name: byId.get(ids[k])!.name })),
      judgement: pair.judgement,
      implied: pair.implied,
    };
    throw new DomainError(
      'AHP_INCONSISTENT',
      `the judgements are inconsistent: CR ${result.cr.toFixed(3)} is above ${CONSISTENCY_LIMIT}` +
        (named
          ? `; the judgement "${named.criteria[0].name}" vs "${named.criteria[1].name}" = ${round(pair.judgement)} deviates most from the ratio ${round(pair.implied)} the weights imply`
          : '') +
        '. Revise the judgements, or send acceptInconsistency: true with a reason.',
      {
        cr: result.cr,
        ci: result.ci,
        lambdaMax: result.lambdaMax,
        consistencyLimit: CONSISTENCY_LIMIT,
        weights: result.weights,
        mostInconsistentPair: named,
      },
    );
  }
  if (accepted && request.reason === undefined) {
    throw invalid('reason', `CR ${result.cr.toFixed(3)} is above ${CONSISTENCY_LIMIT}: accepting the inconsistency needs a reason`);
  }

  const weightOf = new Map(ids.map((id, k) => [id, result.weights[k]]));
  return {
    ids,
    result,
    accepted,
    criteria: draft.criteria.map((x) => ({ ...x, weight: weightOf.get(x.id)! })),
    record: {
      criteria: ids,
      matrix: request.matrix,
      weights: result.weights,
      lambdaMax: result.lambdaMax,
      ci: result.ci,
      cr: result.cr,
      consistent: result.consistent,
      acceptedInconsistency: accepted,
      reason: accepted ? request.reason! : (request.reason ?? null),
      appliedBy: by.userId,
      appliedAt: by.at.toISOString(),
    },
  };
}
