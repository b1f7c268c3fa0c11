import { ApprovalService } from '../../src/modules/approval/approval.service';
import { Case } from '../../src/modules/cases/case.entity';
import { PolicyService } from '../../src/modules/policy/policy.service';
import { type PersonPlan, DEFAULT_PEOPLE } from '../../src/tools/case-builder';
import { domainError, type ServiceTier, startServiceTier } from './harness';

/**
 * Sign-off on the approval service itself (README "Approval sign-off and the award"): segregation of
 * duties, one signature per person, lapse by a snapshot change, rejection, the pending list, the
 * award. The builder's default case is proposed at 10,000 EUR, so the chain needs two approvals.
 */
describe('ApprovalService: segregation of duties, lapse, rejection, award', () => {
  let s: ServiceTier;
  beforeAll(async () => {
    s = await startServiceTier();
  });
  afterAll(async () => {
    await s.close();
  });

  const approvals = () => s.service(ApprovalService);
  const sign = async (caseId: string, person: { id: string }, verdict: 'approve' | 'reject', comment?: string) =>
    approvals().sign(await s.access(caseId, person), { verdict, comment }, await s.user(person));
  const state = (caseId: string) => s.tx(async (m) => approvals().state(m, await m.findOneByOrFail(Case, { id: caseId })));
  const stage = async (caseId: string) => (await s.db.getRepository(Case).findOneByOrFail({ id: caseId })).stage;

  it('needs two approvals for 10,000 EUR; the chain is set on entering APPROVAL', async () => {
    const c = await s.builder().build('APPROVAL');
    expect(await state(c.caseId)).toMatchObject({ required: 2, executiveRequired: false, amount: '10000.00', currency: 'EUR', complete: false, approvals: [] });
  });

  it('refuses the proposer as an approver, with the reason', async () => {
    const people: PersonPlan[] = DEFAULT_PEOPLE.map((p) => (p.key === 'decider' ? { ...p, roles: ['decider', 'approver'] } : p));
    const c = await s.builder().withPeople(people).build('APPROVAL');
    const err = await domainError(sign(c.caseId, c.person('decider'), 'approve'), 'SOD_VIOLATION');
    expect(err.details.reason).toMatch(/you proposed this decision/);
  });

  it('refuses a buyer in deed — who recorded the offers — even after giving up the buyer role', async () => {
    const c = await s.builder().build('proposed');
    const buyer = c.person('buyer');
    await s.api.patch(`/users/${buyer.id}`, s.admin.token, { orgRoles: ['procurement', 'approver'] });
    await s.api.put(`/cases/${c.caseId}/members/${buyer.id}`, c.person('initiator').token, { roles: ['approver'] });
    await s.api.post(`/cases/${c.caseId}/transitions`, c.person('decider').token, { to: 'APPROVAL' });
    const err = await domainError(sign(c.caseId, buyer, 'approve'), 'SOD_VIOLATION');
    expect(err.details.reason).toMatch(/buyer/);
  });

  it('counts a person once: a repeated approval answers the first and adds no row', async () => {
    const c = await s.builder().build('APPROVAL');
    const first = await sign(c.caseId, c.person('approver'), 'approve');
    const second = await sign(c.caseId, c.person('approver'), 'approve');
    expect(second).toMatchObject({ id: first.id, repeated: true, caseStage: 'APPROVAL' });
    const [{ n }] = await s.db.query('SELECT count(*)::int AS n FROM approvals WHERE case_id = $1', [c.caseId]);
    expect(n).toBe(1);
  });

  describe('a policy change that moves the strategic weights', () => {
    const admin = () => s.user(s.admin);
    afterEach(async () => {
      await s.service(PolicyService).update({ strategic: { multiplier: 2, floor: 0.3, cap: 0.9 } } as never, await admin());
    });

    it('lapses the signatures given: the state is stale and incomplete', async () => {
      const c = await s.builder().build('APPROVAL');
      await sign(c.caseId, c.person('approver'), 'approve');
      await s.service(PolicyService).update({ strategic: { multiplier: 3, floor: 0.5, cap: 0.9 } } as never, await admin());
      const after = await state(c.caseId);
      expect(after).toMatchObject({ stale: true, complete: false });
      expect(after.approvals.map((a) => a.lapsed)).toEqual([true]);
    });

    it('refuses to approve the stale proposal, quoting both hashes', async () => {
      const c = await s.builder().build('APPROVAL');
      await s.service(PolicyService).update({ strategic: { multiplier: 3, floor: 0.5, cap: 0.9 } } as never, await admin());
      const err = await domainError(sign(c.caseId, c.person('approver'), 'approve'), 'CONFLICT');
      expect(err.details).toMatchObject({ signedHash: c.proposal!.snapshotHash, currentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(err.details.currentHash).not.toBe(c.proposal!.snapshotHash);
    });
  });

  it('a rejection lapses every signature, retires the proposal and returns the case to DECISION', async () => {
    const c = await s.builder().build('APPROVAL');
    await sign(c.caseId, c.person('approver'), 'approve');
    await sign(c.caseId, c.person('approver2'), 'reject', 'The warranty terms are not acceptable.');
    expect(await stage(c.caseId)).toBe('DECISION');
    const rows = await s.db.query('SELECT lapsed_at IS NOT NULL AS lapsed FROM approvals WHERE case_id = $1', [c.caseId]);
    expect(rows).toEqual([{ lapsed: true }, { lapsed: true }]);
    const [decision] = await s.db.query('SELECT superseded_at IS NOT NULL AS retired FROM decisions WHERE id = $1', [c.proposal!.id]);
    expect(decision.retired).toBe(true);
    const [chain] = await s.db.query('SELECT approval_chain FROM cases WHERE id = $1', [c.caseId]);
    expect(chain.approval_chain).toBeNull();
  });

  it('pending(): lists a case to an approver who has not signed it, and not once they have', async () => {
    const c = await s.builder().build('APPROVAL');
    const approver = await s.user(c.person('approver'));
    const before = await approvals().pending(approver);
    expect(before.items.map((i) => i.caseId)).toContain(c.caseId);
    expect(before.items.find((i) => i.caseId === c.caseId)).toMatchObject({ required: 2, approvalsGiven: 0, proposal: { supplierId: c.proposal!.supplierId } });
    await sign(c.caseId, approver, 'approve');
    expect((await approvals().pending(approver)).items.map((i) => i.caseId)).not.toContain(c.caseId);
  });

  it('the signature that completes the chain awards the case and stores its report in the same transaction', async () => {
    const c = await s.builder().build('APPROVAL');
    await sign(c.caseId, c.person('approver'), 'approve');
    const last = await sign(c.caseId, c.person('approver2'), 'approve');
    expect(last.caseStage).toBe('AWARDED');
    const [row] = await s.db.query('SELECT stage, awarded_supplier_id AS "supplierId", awarded_amount::text AS amount FROM cases WHERE id = $1', [c.caseId]);
    expect(row).toEqual({ stage: 'AWARDED', supplierId: c.proposal!.supplierId, amount: '10000.0000' });
    const actions = await s.db.query(`SELECT action FROM audit_events WHERE case_id = $1 AND action IN ('case.awarded', 'report.stored') ORDER BY seq`, [c.caseId]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['case.awarded', 'report.stored']));
  });
});
