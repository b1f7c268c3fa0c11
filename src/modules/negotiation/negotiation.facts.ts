import { type EntityManager } from 'typeorm';
import { type CaseFacts } from '../../domain/lifecycle/state-machine';
import { missingRateCurrencies } from '../../domain/negotiation/offer-rules';
import { type Case } from '../cases/case.entity';

/**
 * The rounds part of the lifecycle facts. A round counts as closed once closed by hand or past its
 * deadline. Missing rates are looked for in the latest closed round: an open round's offers are
 * sealed, and it blocks leaving NEGOTIATION by being open anyway.
 */
export async function roundFacts(m: EntityManager, c: Case, facts: CaseFacts): Promise<void> {
  const [counts] = await m.query(
    `SELECT count(*) FILTER (WHERE r.closed_at IS NULL AND r.deadline > now())::int AS open,
            count(*) FILTER (WHERE (r.closed_at IS NOT NULL OR r.deadline <= now()) AND EXISTS (
              SELECT 1 FROM offers o WHERE o.round_id = r.id AND o.is_current
                 AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(o.compliance) a WHERE (a->>'met')::boolean IS NOT TRUE)
            ))::int AS "closedWithCompliantOffer"
       FROM negotiation_rounds r WHERE r.case_id = $1`,
    [c.id],
  );
  const currencies: Array<{ currency: string }> = await m.query(
    `SELECT DISTINCT o.currency FROM offers o
      WHERE o.is_current AND o.round_id = (
        SELECT id FROM negotiation_rounds WHERE case_id = $1 AND (closed_at IS NOT NULL OR deadline <= now())
         ORDER BY number DESC LIMIT 1)`,
    [c.id],
  );
  const rated: Array<{ currency: string }> = await m.query(`SELECT currency FROM exchange_rates WHERE case_id = $1`, [c.id]);
  facts.rounds = {
    open: counts.open,
    closedWithCompliantOffer: counts.closedWithCompliantOffer,
    pendingRateCurrencies: missingRateCurrencies(
      currencies.map((r) => r.currency),
      c.currency,
      new Set(rated.map((r) => r.currency)),
    ),
  };
}
