import { OffersService } from '../../src/modules/negotiation/offers.service';
import { RoundsService } from '../../src/modules/negotiation/rounds.service';
import { inMinutes } from '../../src/tools/case-builder';
import { domainError, type ServiceTier, startServiceTier } from './harness';

/**
 * Rounds on the rounds and offers services (README "Rounds"): a round is closed once its deadline
 * has passed, whatever is stored; the next write persists the close at the deadline; closing by
 * hand waits for every exchange rate; the next round follows the eliminations.
 */
describe('RoundsService: closing at the deadline, rates, eliminations', () => {
  let s: ServiceTier;
  beforeAll(async () => {
    s = await startServiceTier();
  });
  afterAll(async () => {
    await s.close();
  });

  const rounds = () => s.service(RoundsService);
  /** A case in NEGOTIATION with round 1 open and an offer from each of the three suppliers. */
  const openRound = () => s.builder().withRounds([{ close: false }]).build('negotiated');
  /** The API refuses a deadline in the past, so the clock is moved with SQL. */
  const expire = (caseId: string) => s.db.query(`UPDATE negotiation_rounds SET deadline = now() - interval '1 second' WHERE case_id = $1`, [caseId]);
  const closeEvents = (caseId: string) =>
    s.db.query(`SELECT actor_id AS "actorId", data FROM audit_events WHERE case_id = $1 AND action = 'round.closed' ORDER BY seq`, [caseId]);

  it('reads a round past its deadline as closed before anything stored the close', async () => {
    const c = await openRound();
    await expire(c.caseId);
    const round = await rounds().get(c.caseId, 1);
    // the view gives the deadline as the close; the row has no close stored yet
    expect(round).toMatchObject({ status: 'closed', closedAt: round.deadline });
    const [row] = await s.db.query('SELECT closed_at AS "closedAt" FROM negotiation_rounds WHERE case_id = $1', [c.caseId]);
    expect(row.closedAt).toBeNull();
  });

  it('settleDeadlines() stores the close at the deadline, audited with no actor', async () => {
    const c = await openRound();
    await expire(c.caseId);
    await s.tx((m) => rounds().settleDeadlines(m, c.caseId));
    const [row] = await s.db.query(`SELECT closed_at = deadline AS "atDeadline", closed_by AS "closedBy" FROM negotiation_rounds WHERE case_id = $1`, [c.caseId]);
    expect(row).toEqual({ atDeadline: true, closedBy: null });
    expect(await closeEvents(c.caseId)).toEqual([{ actorId: null, data: expect.objectContaining({ number: 1, closedBy: 'deadline' }) }]);
  });

  it('settleDeadlines() a second time closes nothing more and appends nothing', async () => {
    const c = await openRound();
    await expire(c.caseId);
    await s.tx((m) => rounds().settleDeadlines(m, c.caseId));
    await s.tx((m) => rounds().settleDeadlines(m, c.caseId));
    expect(await closeEvents(c.caseId)).toHaveLength(1);
  });

  it('refuses an offer after the deadline with ROUND_CLOSED, storing nothing', async () => {
    const c = await openRound();
    await expire(c.caseId);
    const buyer = c.person('buyer');
    const body = {
      supplierId: c.supplier('atlas').id,
      totalPrice: '9000',
      currency: 'EUR',
      leadTimeDays: 21,
      warrantyMonths: 24,
      paymentDays: 30,
      validUntil: '2099-12-31',
      compliance: c.specification!.requirements.map((r) => ({ requirementId: r.id, met: true })),
      values: [],
    };
    await domainError(s.service(OffersService).record(await s.access(c.caseId, buyer), 1, body, await s.user(buyer)), 'ROUND_CLOSED');
    const [{ n }] = await s.db.query(`SELECT count(*)::int AS n FROM offers o JOIN negotiation_rounds r ON r.id = o.round_id WHERE r.case_id = $1`, [c.caseId]);
    expect(n).toBe(3);
  });

  it('open() after the deadline passed persists the close and opens round 2', async () => {
    const c = await openRound();
    await expire(c.caseId);
    const buyer = c.person('buyer');
    const next = await rounds().open(await s.access(c.caseId, buyer), { deadline: inMinutes(60) }, await s.user(buyer));
    expect(next).toMatchObject({ number: 2, status: 'open' });
    expect(await closeEvents(c.caseId)).toHaveLength(1);
  });

  it('close() waits for a rate for every offer currency, naming the currencies', async () => {
    const c = await s
      .builder()
      .withRounds([
        {
          close: false,
          offers: [
            { supplier: 'atlas', totalPrice: '9000', currency: 'USD' },
            { supplier: 'boreal', totalPrice: '1500000', currency: 'JPY' },
            { supplier: 'cumulus', totalPrice: '9500' },
          ],
        },
      ])
      .build('negotiated');
    const buyer = c.person('buyer');
    const err = await domainError(rounds().close(await s.access(c.caseId, buyer), 1, await s.user(buyer)), 'CONFLICT');
    expect(err.details.currencies).toEqual(['JPY', 'USD']);
    expect((await rounds().get(c.caseId, 1)).status).toBe('open');
  });

  it('open() takes into the next round only the participants not eliminated', async () => {
    const c = await s
      .builder()
      .withRounds([{ eliminate: [{ supplier: 'cumulus', reason: 'price far above the others' }] }])
      .build('negotiated');
    const buyer = c.person('buyer');
    const next = await rounds().open(await s.access(c.caseId, buyer), { deadline: inMinutes(60) }, await s.user(buyer));
    expect(next.participants.map((p) => p.supplierId).sort()).toEqual([c.supplier('atlas').id, c.supplier('boreal').id].sort());
  });

  it('open() refuses a round after a best-and-final one', async () => {
    const c = await s.builder().withRounds([{ bestAndFinal: true }]).build('negotiated');
    const buyer = c.person('buyer');
    const err = await domainError(rounds().open(await s.access(c.caseId, buyer), { deadline: inMinutes(60) }, await s.user(buyer)), 'CONFLICT');
    expect(err.message).toMatch(/best-and-final/);
  });
});
