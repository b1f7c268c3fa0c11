import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type Decision } from './decision.entity';
import { scoreKey, type ScoreSummary, summaryOfHundredths } from '../../domain/evaluation/scores';
import { type Score } from './score.entity';
import { normalizeAmount } from '../../domain/negotiation/money';
import { roundOpenSql } from '../negotiation/negotiation.queries';
import { type OfferRowForMatrix } from '../negotiation/negotiation.reader';
import { type PolicyVersion } from '../policy/policy-version.entity';
import { type ReliabilityEventRow } from '../suppliers/reliability.service';
import { type Supplier } from '../suppliers/supplier.entity';
import { SpecificationVersion } from '../specification/specification-version.entity';

/** What the matrix reads of the case, its rates, its decision round and the policy, in one row. */
export interface MatrixContext {
  currency: string;
  profitImpact: number;
  supplyRisk: number;
  /** units of the base currency per unit of each currency recorded on the case, exact */
  rates: Map<string, string>;
  /** the latest closed round (closed by hand or past its deadline, against the database clock); null before the first */
  round: { id: string; number: number; bestAndFinal: boolean; deadline: Date; closedAt: Date | null } | null;
  /** the newest stored policy version; null when none is stored (the defaults apply) */
  policy: Pick<PolicyVersion, 'data' | 'version' | 'createdAt' | 'createdBy'> | null;
}

/** A current offer of the decision round with what the matrix reads of its supplier: certifications, financial risk, events up to asOf. */
export type DecisionOfferRow = OfferRowForMatrix & {
  certifications: Supplier['certifications'];
  financialRisk: string;
  events: ReliabilityEventRow[];
};

/** What `matrixReads` gives: the context, the current specification (null: none), the decision round's offers and the score summaries. */
export interface MatrixReads {
  context: MatrixContext;
  specification: SpecificationVersion | null;
  /** empty while no round has closed or no specification exists */
  offers: DecisionOfferRow[];
  /** by scoreKey(criterionId, supplierId); empty when not asked for */
  scores: Map<string, ScoreSummary>;
}

/** The current proposal with the names its views show. */
export type CurrentDecision = Pick<Decision, 'id' | 'supplierId' | 'justification' | 'override' | 'snapshotHash' | 'proposedBy' | 'createdAt'> & {
  supplierName: string;
  proposedByName: string;
};

/** A stored score with its evaluator's name. */
export type ScoreWithEvaluator = Pick<Score, 'evaluatorId' | 'supplierId' | 'criterionId' | 'score' | 'comment' | 'updatedAt'> & {
  evaluatorName: string;
};

/** Every SQL statement of the evaluation module; scores and proposals are written through the Score and Decision entities. */
@Injectable()
export class EvaluationQueries {
  /** The case's current (not superseded) proposal with the supplier's and the proposer's names; null before the first. */
  async currentDecision(m: EntityManager, caseId: string): Promise<CurrentDecision | null> {
    const [row] = await m.query(
      `SELECT d.id, d.supplier_id AS "supplierId", s.legal_name AS "supplierName", d.justification, d.override,
              d.snapshot_hash AS "snapshotHash", d.proposed_by AS "proposedBy", u.name AS "proposedByName", d.created_at AS "createdAt"
         FROM decisions d JOIN suppliers s ON s.id = d.supplier_id JOIN users u ON u.id = d.proposed_by
        WHERE d.case_id = $1 AND d.superseded_at IS NULL`,
      [caseId],
    );
    return (row as CurrentDecision | undefined) ?? null;
  }

  /** Every score of the case with its evaluator's name, by evaluator name. */
  async scoresWithEvaluators(m: EntityManager, caseId: string): Promise<ScoreWithEvaluator[]> {
    return m.query(
      `SELECT s.evaluator_id AS "evaluatorId", u.name AS "evaluatorName", s.supplier_id AS "supplierId",
              s.criterion_id AS "criterionId", s.score::text AS score, s.comment, s.updated_at AS "updatedAt"
         FROM scores s JOIN users u ON u.id = s.evaluator_id
        WHERE s.case_id = $1 ORDER BY u.name, s.evaluator_id`,
      [caseId],
    );
  }

  /**
   * Everything the decision matrix reads, in one statement, so in one snapshot without a
   * transaction around it (README "Decision matrix"): one row of
   * - the case's base currency and Kraljic inputs, its exchange rates (`[currency, rate]` pairs),
   *   its decision round (the latest closed one, `roundOpenSql` against the database clock) and the
   *   policy in force;
   * - the current specification (the newest version, as `currentSpecification` reads it), its
   *   columns prefixed `spec_`;
   * - `offers`: the current offers of the decision round's participants not eliminated, by supplier
   *   name (the order of NegotiationQueries.currentOffers), each with its supplier's
   *   certifications, financial risk and performance events up to the round's date (`ROUND_AS_OF`),
   *   as one JSON array: exact amounts as text, `createdAt` as ISO text in milliseconds (what pg
   *   makes of a timestamptz: it truncates the microseconds);
   * - `scores` (unless `withScores` is false): the evaluator score aggregate, one
   *   `[criterion, supplier, sum, count, min, max]` array per scored cell in exact hundredths
   *   (numeric(4,2) × 100 is an integer), in (criterion, supplier) order, so the map's order does
   *   not follow the plan PostgreSQL picks.
   * JSON arrays because one statement returns one shape of row, and because a JSON column is parsed
   * by JSON.parse at once where pg parses a row field by field (2,000 score rows at 200 × 40).
   * null when the case does not exist.
   */
  async matrixReads(m: EntityManager, caseId: string, withScores: boolean): Promise<MatrixReads | null> {
    const [row] = (await m.query(
      `SELECT c.currency, c.profit_impact AS "profitImpact", c.supply_risk AS "supplyRisk",
              coalesce((SELECT json_agg(json_build_array(x.currency, x.rate::text)) FROM exchange_rates x WHERE x.case_id = c.id), '[]') AS rates,
              r.id AS "roundId", r.number AS "roundNumber", r.best_and_final AS "bestAndFinal", r.deadline, r.closed_at AS "closedAt",
              p.version AS "policyVersion", p.data AS "policyData", p.created_at AS "policyCreatedAt", p.created_by AS "policyCreatedBy",
              v.id AS spec_id, v.case_id AS spec_case_id, v.version AS spec_version, v.frozen_at AS spec_frozen_at, v.description AS spec_description,
              v.deliverables AS spec_deliverables, v.quantity AS spec_quantity, v.requirements AS spec_requirements, v.criteria AS spec_criteria,
              v.ahp AS spec_ahp, v.reason AS spec_reason, v.created_by AS spec_created_by, v.created_at AS spec_created_at, v.updated_at AS spec_updated_at,
              CASE WHEN r.id IS NULL OR v.id IS NULL THEN '[]' ELSE coalesce((
                SELECT json_agg(json_build_object(
                         'supplierId', o.supplier_id, 'supplierName', s.legal_name, 'totalPrice', o.total_price::text, 'currency', o.currency,
                         'leadTimeDays', o.lead_time_days, 'warrantyMonths', o.warranty_months, 'paymentDays', o.payment_days,
                         'validUntil', to_char(o.valid_until, 'YYYY-MM-DD'), 'compliance', o.compliance, 'values', o.criterion_values,
                         'needsReconfirmation', o.needs_reconfirmation, 'revision', o.revision,
                         'createdAt', to_char(o.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                         'certifications', s.certifications, 'financialRisk', s.financial_risk::text,
                         'events', coalesce((SELECT json_agg(json_build_object('type', e.type, 'date', to_char(e.date, 'YYYY-MM-DD'), 'onTime', e.on_time, 'inFull', e.in_full, 'severity', e.severity))
                                               FROM performance_events e WHERE e.supplier_id = o.supplier_id AND e.date <= ${ROUND_AS_OF('r')}), '[]'))
                         ORDER BY s.legal_name, o.supplier_id)
                  FROM offers o JOIN suppliers s ON s.id = o.supplier_id
                  JOIN round_participants rp ON rp.round_id = o.round_id AND rp.supplier_id = o.supplier_id AND rp.eliminated_at IS NULL
                 WHERE o.round_id = r.id AND o.is_current), '[]') END AS offers,
              CASE WHEN NOT $2::boolean OR r.id IS NULL OR v.id IS NULL THEN '[]' ELSE coalesce((
                SELECT json_agg(json_build_array(a.criterion_id, a.supplier_id, a.sum, a.count, a.min, a.max) ORDER BY a.criterion_id, a.supplier_id)
                  FROM (SELECT criterion_id, supplier_id, sum(score * 100)::bigint AS sum, count(*)::int AS count,
                               (min(score) * 100)::bigint AS min, (max(score) * 100)::bigint AS max
                          FROM scores WHERE case_id = c.id GROUP BY criterion_id, supplier_id) a), '[]') END AS scores
         FROM cases c
         LEFT JOIN LATERAL (SELECT r.id, r.number, r.best_and_final, r.deadline, r.closed_at FROM negotiation_rounds r
                             WHERE r.case_id = c.id AND NOT ${roundOpenSql('r')} ORDER BY r.number DESC LIMIT 1) r ON true
         LEFT JOIN LATERAL (SELECT p.version, p.data, p.created_at, p.created_by FROM policy_versions p ORDER BY p.version DESC LIMIT 1) p ON true
         LEFT JOIN LATERAL (SELECT * FROM specification_versions v WHERE v.case_id = c.id ORDER BY v.version DESC LIMIT 1) v ON true
        WHERE c.id = $1`,
      [caseId, withScores],
    )) as MatrixReadsRow[];
    if (!row) return null;
    const context: MatrixContext = {
      currency: row.currency,
      profitImpact: row.profitImpact,
      supplyRisk: row.supplyRisk,
      rates: new Map(row.rates.map(([currency, rate]) => [currency, normalizeAmount(rate)])),
      round: row.roundId === null ? null : { id: row.roundId, number: row.roundNumber, bestAndFinal: row.bestAndFinal, deadline: row.deadline, closedAt: row.closedAt },
      policy:
        row.policyVersion === null ? null : { version: row.policyVersion, data: row.policyData, createdAt: row.policyCreatedAt, createdBy: row.policyCreatedBy },
    };
    const offers = row.offers as Array<Omit<DecisionOfferRow, 'createdAt'> & { createdAt: string | Date }>;
    for (const o of offers) {
      o.totalPrice = normalizeAmount(o.totalPrice);
      o.createdAt = new Date(o.createdAt);
    }
    const scores = new Map<string, ScoreSummary>();
    for (const [criterionId, supplierId, sum, count, min, max] of row.scores) scores.set(scoreKey(criterionId, supplierId), summaryOfHundredths({ sum, count, min, max }));
    return { context, specification: specificationOf(row), offers: offers as DecisionOfferRow[], scores };
  }
}

/**
 * The UTC calendar date a closed round (aliased `alias`) is judged on, in SQL: the twin of
 * `roundAsOf` (src/domain/negotiation/round.ts), the date of its closing, or of its deadline when it
 * closed by the clock. pg truncates the microseconds of the closing to milliseconds, which never
 * moves the date.
 */
const ROUND_AS_OF = (alias: string) => `(coalesce(${alias}.closed_at, ${alias}.deadline) AT TIME ZONE 'UTC')::date`;

/** The current specification of the matrix's row, as the SpecificationVersion entity reads it; null when the case has none. */
function specificationOf(row: MatrixReadsRow): SpecificationVersion | null {
  if (row.spec_id === null) return null;
  // in the entity's column order, so the object is the one `currentSpecification` gives, key for key
  return Object.assign(new SpecificationVersion(), {
    id: row.spec_id,
    caseId: row.spec_case_id,
    version: row.spec_version,
    frozenAt: row.spec_frozen_at,
    description: row.spec_description,
    deliverables: row.spec_deliverables,
    quantity: row.spec_quantity,
    requirements: row.spec_requirements,
    criteria: row.spec_criteria,
    ahp: row.spec_ahp,
    reason: row.spec_reason,
    createdBy: row.spec_created_by,
    createdAt: row.spec_created_at,
    updatedAt: row.spec_updated_at,
  });
}

/** The one row of `matrixReads`, as pg gives it. */
interface MatrixReadsRow {
  currency: string;
  profitImpact: number;
  supplyRisk: number;
  rates: Array<[string, string]>;
  roundId: string | null;
  roundNumber: number;
  bestAndFinal: boolean;
  deadline: Date;
  closedAt: Date | null;
  policyVersion: number | null;
  policyData: PolicyVersion['data'];
  policyCreatedAt: Date;
  policyCreatedBy: string | null;
  spec_id: string | null;
  spec_case_id: string;
  spec_version: number;
  spec_frozen_at: Date | null;
  spec_description: string;
  spec_deliverables: string;
  spec_quantity: string | null;
  spec_requirements: SpecificationVersion['requirements'];
  spec_criteria: SpecificationVersion['criteria'];
  spec_ahp: SpecificationVersion['ahp'];
  spec_reason: string | null;
  spec_created_by: string;
  spec_created_at: Date;
  spec_updated_at: Date;
  offers: unknown[];
  scores: Array<[string, string, number, number, number, number]>;
}
