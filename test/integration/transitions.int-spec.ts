import { CasesService } from '../../src/modules/cases/cases.service';
import { type PersonPlan } from '../../src/tools/case-builder';
import { domainError, type ServiceTier, startServiceTier } from './harness';

/** Transitions on the cases service (README "The case lifecycle"): preconditions, movers, the row lock. */
describe('CasesService.transition: preconditions, who moves, one winner', () => {
  let s: ServiceTier;
  beforeAll(async () => {
    s = await startServiceTier();
  });
  afterAll(async () => {
    await s.close();
  });

  const cases = () => s.service(CasesService);
  const stage = async (caseId: string) => (await cases().get(caseId)).stage;

  it('lists every missing buying-center role when NEED cannot be left, and stays in NEED', async () => {
    const people: PersonPlan[] = [
      { key: 'initiator', name: 'Iris Initiator', roles: ['initiator'] },
      { key: 'buyer', name: 'Bea Buyer', roles: ['buyer'] },
    ];
    const c = await s.builder().withPeople(people).build('NEED');
    const initiator = c.person('initiator');
    const err = await domainError(cases().transition(await s.access(c.caseId, initiator), { to: 'SPECIFICATION' }, await s.user(initiator)), 'PRECONDITIONS_UNMET');
    expect(err.details.unmet!.map((u) => u.code)).toEqual(['MISSING_PRESCRIBER', 'MISSING_DECIDER', 'MISSING_APPROVER']);
    expect(await stage(c.caseId)).toBe('NEED');
  });

  it('refuses a move the caller’s roles may not request', async () => {
    const c = await s.builder().build('NEED');
    const evaluator = c.person('evaluator');
    await domainError(cases().transition(await s.access(c.caseId, evaluator), { to: 'SPECIFICATION' }, await s.user(evaluator)), 'FORBIDDEN');
    expect(await stage(c.caseId)).toBe('NEED');
  });

  it('moves the case once when two requests race for the same transition', async () => {
    const c = await s.builder().build('specified');
    const prescriber = c.person('prescriber');
    const access = await s.access(c.caseId, prescriber);
    const user = await s.user(prescriber);
    const results = await Promise.allSettled([
      cases().transition(access, { to: 'SHORTLISTING' }, user),
      cases().transition(access, { to: 'SHORTLISTING' }, user),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const moves = await s.db.query(`SELECT data FROM audit_events WHERE case_id = $1 AND action = 'case.transition' AND data->>'to' = 'SHORTLISTING'`, [c.caseId]);
    expect(moves).toHaveLength(1);
    expect(await stage(c.caseId)).toBe('SHORTLISTING');
  });
});
