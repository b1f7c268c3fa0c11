import { authorize, PERMISSIONS } from './permissions';
import { type CaseFacts, edgeProblem, exitConditions, mayRequestTransition, rejectionTarget, transition } from './state-machine';
import { CASE_ROLES, kraljicCategory, STAGES } from './stages';

const ready = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  stage: 'NEED',
  purchaseType: 'new_task',
  rolesPresent: ['initiator', 'prescriber', 'buyer', 'decider', 'approver'],
  specification: { criteria: 2, problems: [] },
  shortlist: { shortlisted: 3, soleSourceJustification: false, approved: true },
  rounds: { open: 0, closedWithCompliantOffer: 1, pendingRateCurrencies: [] },
  decision: { proposed: true, stale: false, missingScores: [] },
  approvers: { required: 2, executiveRequired: false, eligible: 2, eligibleExecutives: 0 },
  approvals: { complete: true },
  ...over,
});

describe('the case state machine', () => {
  it('walks the five steps and sign-off when every precondition holds', () => {
    const path = ['NEED', 'SPECIFICATION', 'SHORTLISTING', 'NEGOTIATION', 'DECISION', 'APPROVAL', 'AWARDED'] as const;
    for (let i = 0; i < path.length - 1; i++) {
      expect(transition(ready({ stage: path[i] }), path[i + 1])).toEqual({ ok: true, to: path[i + 1] });
    }
  });

  it('refuses skips, moves backwards and anything out of a terminal stage', () => {
    expect(edgeProblem('NEED', 'DECISION')?.code).toBe('INVALID_TRANSITION');
    expect(edgeProblem('DECISION', 'NEGOTIATION')?.code).toBe('INVALID_TRANSITION');
    expect(edgeProblem('AWARDED', 'CANCELLED')?.code).toBe('CASE_CLOSED');
    expect(edgeProblem('CANCELLED', 'NEED')?.code).toBe('CASE_CLOSED');
    for (const stage of ['NEED', 'SPECIFICATION', 'SHORTLISTING', 'NEGOTIATION', 'DECISION', 'APPROVAL'] as const) {
      expect(transition(ready({ stage, shortlist: { shortlisted: 0, soleSourceJustification: false, approved: false } }), 'CANCELLED').ok).toBe(true);
    }
  });

  it('lists every unmet condition of NEED: the four roles the buying center lacks', () => {
    const result = transition(ready({ rolesPresent: ['initiator'] }), 'SPECIFICATION');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.unmet.map((u) => u.code)).toEqual(['MISSING_PRESCRIBER', 'MISSING_BUYER', 'MISSING_DECIDER', 'MISSING_APPROVER']);
    }
  });

  it('SPECIFICATION needs a specification with at least one criterion and valid weights', () => {
    expect(exitConditions(ready({ stage: 'SPECIFICATION', specification: null })).map((u) => u.code)).toEqual(['NO_SPECIFICATION']);
    expect(
      exitConditions(ready({ stage: 'SPECIFICATION', specification: { criteria: 0, problems: ['weights must be positive'] } })).map(
        (u) => u.code,
      ),
    ).toEqual(['NO_CRITERIA', 'SPECIFICATION_INVALID']);
  });

  it.each([
    ['new_task', 2, false, false],
    ['new_task', 3, false, true],
    ['new_task', 1, true, true], // sole source
    ['modified_rebuy', 2, false, true],
    ['modified_rebuy', 1, false, false],
    ['straight_rebuy', 1, false, true],
  ] as const)('SHORTLISTING for %s with %i suppliers (justified %s) → may leave %s', (purchaseType, shortlisted, justified, ok) => {
    const facts = ready({ stage: 'SHORTLISTING', purchaseType, shortlist: { shortlisted, soleSourceJustification: justified, approved: true } });
    expect(exitConditions(facts).length === 0).toBe(ok);
  });

  it('SHORTLISTING needs the gatekeeper’s approval', () => {
    const facts = ready({ stage: 'SHORTLISTING', shortlist: { shortlisted: 3, soleSourceJustification: false, approved: false } });
    expect(exitConditions(facts).map((u) => u.code)).toEqual(['SHORTLIST_NOT_APPROVED']);
  });

  it('NEGOTIATION needs no open round, a closed round with a compliant offer and every exchange rate', () => {
    const facts = ready({ stage: 'NEGOTIATION', rounds: { open: 1, closedWithCompliantOffer: 0, pendingRateCurrencies: ['USD'] } });
    expect(exitConditions(facts).map((u) => u.code)).toEqual(['ROUND_OPEN', 'NO_COMPLIANT_OFFER', 'EXCHANGE_RATE_MISSING']);
  });

  it('DECISION needs a current proposal and every qualitative score', () => {
    const facts = ready({ stage: 'DECISION', decision: { proposed: true, stale: true, missingScores: ['Quality for ACME'] } });
    expect(exitConditions(facts).map((u) => u.code)).toEqual(['PROPOSAL_STALE', 'SCORE_MISSING']);
  });

  it('DECISION → APPROVAL needs enough eligible approvers, and an executive when the amount says so', () => {
    const facts = ready({
      stage: 'DECISION',
      approvers: { required: 3, executiveRequired: true, eligible: 2, eligibleExecutives: 0 },
    });
    expect(exitConditions(facts).map((u) => u.code)).toEqual(['APPROVERS_MISSING', 'EXECUTIVE_APPROVER_MISSING']);
  });

  it('a rejection returns the case to DECISION, or NEGOTIATION when asked', () => {
    expect(rejectionTarget('APPROVAL', undefined)).toBe('DECISION');
    expect(rejectionTarget('APPROVAL', 'NEGOTIATION')).toBe('NEGOTIATION');
    expect(() => rejectionTarget('DECISION', undefined)).toThrow();
  });

  it('knows who moves the case on from each stage', () => {
    expect(mayRequestTransition('NEED', 'SPECIFICATION', ['initiator'], false)).toBe(true);
    expect(mayRequestTransition('NEED', 'SPECIFICATION', ['prescriber'], false)).toBe(false);
    expect(mayRequestTransition('SPECIFICATION', 'SHORTLISTING', ['prescriber'], false)).toBe(true);
    expect(mayRequestTransition('DECISION', 'APPROVAL', ['decider'], false)).toBe(true);
    expect(mayRequestTransition('DECISION', 'APPROVAL', ['approver', 'buyer'], false)).toBe(false);
    expect(mayRequestTransition('APPROVAL', 'AWARDED', ['approver'], true)).toBe(false);
    expect(mayRequestTransition('NEGOTIATION', 'CANCELLED', [], true)).toBe(true);
    expect(mayRequestTransition('NEGOTIATION', 'CANCELLED', ['decider'], false)).toBe(false);
  });
});

describe('the permission table', () => {
  it('answers not found to someone with no role, forbidden to the wrong role, conflict at the wrong stage', () => {
    expect(authorize('specification.write', 'SPECIFICATION', { isAdmin: false, roles: [] })).toMatchObject({ status: 'not_found' });
    expect(authorize('specification.write', 'SPECIFICATION', { isAdmin: false, roles: ['buyer'] })).toMatchObject({ status: 'forbidden' });
    expect(authorize('specification.write', 'NEED', { isAdmin: false, roles: ['prescriber'] })).toMatchObject({ status: 'wrong_stage' });
    expect(authorize('specification.write', 'SPECIFICATION', { isAdmin: false, roles: ['prescriber'] })).toEqual({ allowed: true });
  });

  it('lets admins read but never act as a case role', () => {
    expect(authorize('case.read', 'DECISION', { isAdmin: true, roles: [] })).toEqual({ allowed: true });
    expect(authorize('decision.propose', 'DECISION', { isAdmin: true, roles: [] })).toMatchObject({ status: 'forbidden' });
    expect(authorize('approvals.sign', 'APPROVAL', { isAdmin: true, roles: [] })).toMatchObject({ status: 'forbidden' });
  });

  it('makes terminal cases read-only: no write action is open in AWARDED or CANCELLED except recording delivered performance and releasing the award and regret letters', () => {
    for (const [action, permission] of Object.entries(PERMISSIONS)) {
      const writes = !action.endsWith('.read');
      if (!writes) continue;
      const openInTerminal = (permission.stages as readonly string[]).filter((s) => s === 'AWARDED' || s === 'CANCELLED');
      // the gatekeeper releases the award and regret letters, which the award itself queues (README "Messages")
      if (action === 'performance.record' || action === 'messages.approve') expect(openInTerminal).toEqual(['AWARDED']);
      else expect(openInTerminal).toEqual([]);
    }
  });

  it('every action names known roles and stages', () => {
    for (const permission of Object.values(PERMISSIONS)) {
      if (permission.roles !== 'any') for (const r of permission.roles) expect(CASE_ROLES).toContain(r);
      for (const s of permission.stages) expect(STAGES).toContain(s);
    }
  });
});

describe('Kraljic classification (high means ≥ 3)', () => {
  it.each([
    [3, 3, 'strategic'],
    [5, 5, 'strategic'],
    [3, 2, 'leverage'],
    [2, 3, 'bottleneck'],
    [1, 1, 'routine'],
  ] as const)('impact %i, risk %i → %s', (impact, risk, expected) => {
    expect(kraljicCategory(impact, risk)).toBe(expected);
  });
});
