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
   * The case's base currency and Kraljic inputs, its exchange rates, its decision round (the latest
   * closed one, `roundOpenSql` against the database clock) and the policy in force, in one
   * statement; null when the case does not exist.
   */
  async matrixContext(m: EntityManager, caseId: string): Promise<MatrixContext | null> {
    const [row] = (await m.query(
      `SELECT c.currency, c.profit_impact AS "profitImpact", c.supply_risk AS "supplyRisk",
              coalesce((SELECT json_agg(json_build_array(x.currency, x.rate::text)) FROM exchange_rates x WHERE x.case_id = c.id), '[]') AS rates,
              r.id AS "roundId", r.number AS "roundNumber", r.best_and_final AS "bestAndFinal", r.deadline, r.closed_at AS "closedAt",
              p.version AS "policyVersion", p.data AS "policyData", p.created_at AS "policyCreatedAt", p.created_by AS "policyCreatedBy"
         FROM cases c
         LEFT JOIN LATERAL (SELECT r.id, r.number, r.best_and_final, r.deadline, r.closed_at FROM negotiation_rounds r
                             WHERE r.case_id = c.id AND NOT ${roundOpenSql('r')} ORDER BY r.number DESC LIMIT 1) r ON true
         LEFT JOIN LATERAL (SELECT p.version, p.data, p.created_at, p.created_by FROM policy_versions p ORDER BY p.version DESC LIMIT 1) p ON true
        WHERE c.id = $1`,
      [caseId],
    )) as Array<{
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
    }>;
    if (!row) return null;
    return {
      currency: row.currency,
      profitImpact: row.profitImpact,
      supplyRisk: row.supplyRisk,
      rates: new Map(row.rates.map(([currency, rate]) => [currency, normalizeAmount(rate)])),
      round: row.roundId === null ? null : { id: row.roundId, number: row.roundNumber, bestAndFinal: row.bestAndFinal, deadline: row.deadline, closedAt: row.closedAt },
      policy:
        row.policyVersion === null ? null : { version: row.policyVersion, data: row.policyData, createdAt: row.policyCreatedAt, createdBy: row.policyCreatedBy },
    };
  }

  /**
   * The current offers of the decision round's participants not eliminated, by supplier name (the
   * order of NegotiationQueries.currentOffers), each with its supplier's certifications, financial
   * risk and performance events up to `asOf`, in one statement.
   */
  async decisionOffers(m: EntityManager, roundId: string, asOf: string): Promise<DecisionOfferRow[]> {
    const rows = (await m.query(
      `SELECT o.supplier_id AS "supplierId", s.legal_name AS "supplierName", o.total_price AS "totalPrice", o.currency,
              o.lead_time_days AS "leadTimeDays", o.warranty_months AS "warrantyMonths", o.payment_days AS "paymentDays",
              to_char(o.valid_until, 'YYYY-MM-DD') AS "validUntil", o.compliance, o.criterion_values AS "values",
              o.needs_reconfirmation AS "needsReconfirmation", o.revision, o.created_at AS "createdAt",
              s.certifications, s.financial_risk AS "financialRisk",
              coalesce((SELECT json_agg(json_build_object('type', e.type, 'date', to_char(e.date, 'YYYY-MM-DD'), 'onTime', e.on_time, 'inFull', e.in_full, 'severity', e.severity))
                          FROM performance_events e WHERE e.supplier_id = o.supplier_id AND e.date <= $2::date), '[]') AS events
         FROM offers o JOIN suppliers s ON s.id = o.supplier_id
         JOIN round_participants p ON p.round_id = o.round_id AND p.supplier_id = o.supplier_id AND p.eliminated_at IS NULL
        WHERE o.round_id = $1 AND o.is_current
        ORDER BY s.legal_name, o.supplier_id`,
      [roundId, asOf],
    )) as DecisionOfferRow[];
    for (const r of rows) r.totalPrice = normalizeAmount(r.totalPrice);
    return rows;
  }

  /**
   * The evaluator score summaries of the case by scoreKey(criterion, supplier), aggregated in SQL
   * (one row per scored cell, not per score): sum, count, min and max in exact hundredths
   * (numeric(4,2) × 100 is an integer), so the mean divided here is the one `summarizeScores` gives;
   * in (criterion, supplier) order, so the map's order does not follow the plan PostgreSQL picks.
   */
  async scoreSummaries(m: EntityManager, caseId: string): Promise<Map<string, ScoreSummary>> {
    const rows: Array<{ criterionId: string; supplierId: string; sum: string; count: number; min: string; max: string }> = await m.query(
      `SELECT criterion_id AS "criterionId", supplier_id AS "supplierId", sum(score * 100)::bigint::text AS sum,
              count(*)::int AS count, (min(score) * 100)::bigint::text AS min, (max(score) * 100)::bigint::text AS max
         FROM scores WHERE case_id = $1 GROUP BY criterion_id, supplier_id ORDER BY criterion_id, supplier_id`,
      [caseId],
    );
    return new Map(
      rows.map((r) => [scoreKey(r.criterionId, r.supplierId), summaryOfHundredths({ sum: Number(r.sum), count: r.count, min: Number(r.min), max: Number(r.max) })]),
    );
  }
}
