import { type EntityManager } from 'typeorm';
import { type CaseFacts } from '../../domain/lifecycle/state-machine';
import { missingRateCurrencies } from '../../domain/negotiation/offer-rules';
import { type Case } from '../cases/case.entity';
import { type NegotiationReader } from './negotiation.reader';

/**
 * The rounds part of the lifecycle facts, from the reader's rounds (whose status is the one round
 * rule). A closed round counts as having a compliant offer when one of its current offers passes
 * every mandatory requirement as the matrix checks it (the reader's compliance check, as of the
 * date the round closed), the same verdict the round comparison shows. Missing rates are looked
 * for in the latest closed round: an open round's offers are sealed, and it blocks leaving
 * NEGOTIATION by being open anyway.
 */
export async function roundFacts(reader: NegotiationReader, m: EntityManager, c: Case, facts: CaseFacts): Promise<void> {
  const rounds = await reader.rounds(m, c.id);
  const closed = rounds.filter((r) => r.status === 'closed');
  const offers = await reader.currentOffers(
    m,
    closed.map((r) => r.id),
  );
  const compliant = await reader.complianceCheck(
    m,
    c.id,
    offers.map((o) => o.supplierId),
  );
  const latest = closed.at(-1);
  const { rates } = await reader.rates(m, c.id);
  facts.rounds = {
    open: rounds.length - closed.length,
    closedWithCompliantOffer: closed.filter((r) => offers.some((o) => o.roundId === r.id && compliant(o, r))).length,
    pendingRateCurrencies: missingRateCurrencies(
      offers.filter((o) => o.roundId === latest?.id).map((o) => o.currency),
      c.currency,
      rates,
    ),
  };
}
