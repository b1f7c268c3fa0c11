import { DecisionService } from '../../src/modules/evaluation/decision.service';
import { ScoresService } from '../../src/modules/evaluation/scores.service';
import { SuppliersService } from '../../src/modules/suppliers/suppliers.service';
import { domainError, type ServiceTier, startServiceTier } from './harness';

/**
 * The proposal and the stale rule (README "The proposal, its snapshot and the stale rule"), on the
 * decision service itself. The case is the builder's default: a strategic purchase, three suppliers
 * offering 10,000 / 10,500 / 11,000 EUR, both evaluators' "Technical quality" marks 8 / 7 / 6, so
 * Atlas ranks first.
 */
describe('DecisionService: the proposal, its snapshot and the stale rule', () => {
  let s: ServiceTier;
  beforeAll(async () => {
    s = await startServiceTier();
  });
  afterAll(async () => {
    await s.close();
  });

  const current = (caseId: string) => s.tx((m) => s.service(DecisionService).current(m, caseId));

  it('is current right after it is made: the snapshot recomputed from the data hashes the same', async () => {
    const c = await s.builder().build('proposed');
    const now = await current(c.caseId);
    expect(now).toMatchObject({ stale: false, currentHash: c.proposal!.snapshotHash });
    expect(now!.decision).toMatchObject({ id: c.proposal!.id, supplierId: c.supplier('atlas').id, override: false });
  });

  it('goes stale when an evaluator changes a score', async () => {
    const c = await s.builder().build('proposed');
    const evaluator = c.person('evaluator');
    const scores = [{ supplierId: c.supplier('atlas').id, criterionId: c.criterionId('Technical quality'), score: 2 }];
    await s.service(ScoresService).put(await s.access(c.caseId, evaluator), { scores }, await s.user(evaluator));
    const now = await current(c.caseId);
    expect(now!.stale).toBe(true);
    expect(now!.currentHash).not.toBe(c.proposal!.snapshotHash);
    expect(now!.decision.snapshotHash).toBe(c.proposal!.snapshotHash);
  });

  it('stays current when a supplier is renamed: display names are not in the snapshot', async () => {
    const c = await s.builder().build('proposed');
    await s.service(SuppliersService).update(c.supplier('atlas').id, { legalName: `${c.supplier('atlas').name} (renamed)` });
    expect((await current(c.caseId))!.stale).toBe(false);
  });

  it('goes stale when a certificate no longer holds on the decision date (an exclusion appears)', async () => {
    const c = await s.builder().build('proposed');
    await s.service(SuppliersService).update(c.supplier('boreal').id, {
      certifications: [{ name: 'ISO 9001', issuedOn: '2020-01-01', expiresOn: '2021-01-01' }],
    });
    expect((await current(c.caseId))!.stale).toBe(true);
  });

  it('proposing the same supplier on the same data gives the same hash, and supersedes the earlier proposal', async () => {
    const c = await s.builder().build('proposed');
    const decider = c.person('decider');
    const again = await s
      .service(DecisionService)
      .propose(await s.access(c.caseId, decider), { supplierId: c.supplier('atlas').id, justification: 'Best weighted total: cheapest compliant offer with good quality marks.' }, await s.user(decider));
    expect(again.snapshotHash).toBe(c.proposal!.snapshotHash);
    const rows = await s.db.query('SELECT id, superseded_at IS NOT NULL AS superseded FROM decisions WHERE case_id = $1 ORDER BY created_at', [c.caseId]);
    expect(rows).toEqual([
      { id: c.proposal!.id, superseded: true },
      { id: again.id, superseded: false },
    ]);
  });

  it('refuses an override with a justification under 200 characters, naming the field', async () => {
    const c = await s.builder().build('scored');
    const decider = c.person('decider');
    const err = await domainError(
      s.service(DecisionService).propose(await s.access(c.caseId, decider), { supplierId: c.supplier('cumulus').id, justification: 'Closer to the plant.' }, await s.user(decider)),
      'VALIDATION',
    );
    expect(err.details.errors).toEqual([{ field: 'justification', message: expect.stringMatching(/override.*at least 200 characters/) }]);
  });

  it('refuses to propose a supplier excluded by a mandatory requirement, naming the requirement', async () => {
    const c = await s
      .builder()
      .withRounds([
        {
          offers: [
            { supplier: 'atlas', totalPrice: '10000.00' },
            { supplier: 'boreal', totalPrice: '9000.00', compliance: { 'Spare parts available for 10 years': false } },
            { supplier: 'cumulus', totalPrice: '11000.00' },
          ],
        },
      ])
      .build('scored');
    const decider = c.person('decider');
    const err = await domainError(
      s.service(DecisionService).propose(await s.access(c.caseId, decider), { supplierId: c.supplier('boreal').id, justification: 'Cheapest.' }, await s.user(decider)),
      'UNPROCESSABLE',
    );
    expect(err.details.excluded).toEqual([expect.objectContaining({ requirementId: c.requirementId('Spare parts available for 10 years') })]);
  });

  it('facts(): before any proposal or score, each evaluator criterion × ranked supplier is a missing score', async () => {
    const c = await s.builder().build('DECISION');
    const facts = await s.tx((m) => s.service(DecisionService).facts(m, c.caseId));
    expect(facts).toEqual({
      proposed: false,
      stale: false,
      missingScores: c.suppliers.map((supplier) => `Technical quality for ${supplier.name}`),
    });
  });
});
