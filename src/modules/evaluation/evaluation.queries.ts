import { Injectable } from '@nestjs/common';
import { types as pgTypes } from 'pg';
import { type DataSource, type EntityManager } from 'typeorm';
import { preparedQuery } from '../../database/prepared-query';
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
   * Everything the decision matrix reads (`MATRIX_READS`), in one statement, so in one snapshot
   * without a transaction around it; through `m` (a transaction's manager, or the data source's).
   * null when the case does not exist.
   */
  async matrixReads(m: EntityManager, caseId: string, withScores: boolean): Promise<MatrixReads | null> {
    const [row] = (await m.query(MATRIX_READS, [caseId, withScores])) as Array<{ context: MatrixContextJson; offers: OfferJson[]; scores: ScoreCellJson[] }>;
    return row ? readsOf(row.context, row.offers, row.scores) : null;
  }

  /**
   * The same statement outside any transaction, prepared (planned once per connection), its three
   * JSON columns left as the text PostgreSQL sent: what `MatrixService.matrix` compares with the
   * reads it last built a matrix from; `parseMatrixReads` makes them `matrixReads`' answer.
   */
  async matrixReadsText(dataSource: DataSource, caseId: string): Promise<MatrixReadsText | null> {
    const [row] = await preparedQuery<MatrixReadsText>(dataSource, MATRIX_READS, [caseId, true], { types: JSON_AS_TEXT });
    return row ?? null;
  }

  /**
   * Whether the matrix's reads of the case could differ now from those read at `since` (the
   * snapshot and decision round of a `matrixReadsText`), in one prepared statement
   * (`MATRIX_INPUTS_CHANGED`); false only when they cannot.
   */
  async matrixInputsChanged(dataSource: DataSource, caseId: string, since: ReadsBasis): Promise<boolean> {
    const [row] = await preparedQuery<{ unchanged: boolean | null; roundId: string | null; server: string }>(dataSource, MATRIX_INPUTS_CHANGED, [caseId, since.snapshot]);
    return !(row?.unchanged === true && row.roundId === since.roundId && row.server === since.server);
  }

  /**
   * Prunes the matrix's change log (README "The decision matrix"): the rows below the bound the
   * previous prune recorded (the oldest transaction then running), so a kept answer read since the
   * previous prune still passes its check; the bound becomes `pruned_below`, which the check reads.
   * Any instance may run it at any time. The number of rows removed.
   */
  async pruneMatrixInputChanges(m: EntityManager): Promise<number> {
    const [, removed] = (await m.query(
      `WITH bound AS (
         UPDATE matrix_input_pruning
            SET pruned_below = greatest(pruned_below, next_below), next_below = greatest(next_below, pg_snapshot_xmin(pg_current_snapshot()))
          RETURNING pruned_below)
       DELETE FROM matrix_input_changes WHERE xid < (SELECT pruned_below FROM bound)`,
    )) as [unknown, number];
    return removed;
  }
}

/** An instant as ISO text in milliseconds, as pg parses a timestamptz (it truncates the microseconds). */
const MS_ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/**
 * The UTC calendar date a closed round (aliased `alias`) is judged on, in SQL: the twin of
 * `roundAsOf` (src/domain/negotiation/round.ts), the date of its closing, or of its deadline when it
 * closed by the clock. pg truncates the microseconds of the closing to milliseconds, which never
 * moves the date.
 */
const ROUND_AS_OF = (alias: string) => `(coalesce(${alias}.closed_at, ${alias}.deadline) AT TIME ZONE 'UTC')::date`;
/**
 * The matrix's one statement: one row of three JSON columns (JSON because one statement returns
 * one shape of row, and a JSON column is parsed by one JSON.parse where pg parses a row field by
 * field: 2,000 score rows at 200 × 40):
 * - `context`: the case's base currency and Kraljic inputs, its exchange rates (`[currency, rate]`
 *   pairs), its decision round (the latest closed one, `roundOpenSql` against the database clock),
 *   the policy in force and the current specification (the newest version, as
 *   `currentSpecification` reads it);
 * - `offers`: the current offers of the decision round's participants not eliminated, by supplier
 *   name (the order of NegotiationQueries.currentOffers), each with its supplier's
 *   certifications, financial risk and performance events up to the round's date (`ROUND_AS_OF`);
 * - `scores` (unless $2 is false): the evaluator score aggregate, one
 *   `[criterion, supplier, sum, count, min, max]` array per scored cell in exact hundredths
 *   (numeric(4,2) × 100 is an integer), in (criterion, supplier) order, so the map's order does
 *   not follow the plan PostgreSQL picks.
 * Exact amounts travel as text, instants as `MS_ISO` text (what pg makes of a timestamptz).
 * Beside them, what `MATRIX_INPUTS_CHANGED` later checks the reads by: `snapshot`, the statement's
 * own snapshot (`pg_current_snapshot()` is the active snapshot, the one the statement's scans read
 * in: outside a transaction, or in READ COMMITTED, taken for this statement), and `roundId`, the
 * decision round chosen. Every table read here has the change log's triggers (a spec reads the
 * table names of this text and checks them in pg_trigger).
 */
export const MATRIX_READS = `SELECT json_build_object(
         'currency', c.currency, 'profitImpact', c.profit_impact, 'supplyRisk', c.supply_risk,
         'rates', coalesce((SELECT json_agg(json_build_array(x.currency, x.rate::text)) FROM exchange_rates x WHERE x.case_id = c.id), '[]'),
         'round', CASE WHEN r.id IS NOT NULL THEN json_build_object(
           'id', r.id, 'number', r.number, 'bestAndFinal', r.best_and_final, 'deadline', ${MS_ISO('r.deadline')}, 'closedAt', ${MS_ISO('r.closed_at')}) END,
         'policy', CASE WHEN p.version IS NOT NULL THEN json_build_object(
           'version', p.version, 'data', p.data, 'createdAt', ${MS_ISO('p.created_at')}, 'createdBy', p.created_by) END,
         'specification', CASE WHEN v.id IS NOT NULL THEN json_build_object(
           'id', v.id, 'caseId', v.case_id, 'version', v.version, 'frozenAt', ${MS_ISO('v.frozen_at')}, 'description', v.description,
           'deliverables', v.deliverables, 'quantity', v.quantity::text, 'requirements', v.requirements, 'criteria', v.criteria, 'ahp', v.ahp,
           'reason', v.reason, 'createdBy', v.created_by, 'createdAt', ${MS_ISO('v.created_at')}, 'updatedAt', ${MS_ISO('v.updated_at')}) END) AS context,
       CASE WHEN r.id IS NULL OR v.id IS NULL THEN '[]' ELSE coalesce((
         SELECT json_agg(json_build_object(
                  'supplierId', o.supplier_id, 'supplierName', s.legal_name, 'totalPrice', o.total_price::text, 'currency', o.currency,
                  'leadTimeDays', o.lead_time_days, 'warrantyMonths', o.warranty_months, 'paymentDays', o.payment_days,
                  'validUntil', to_char(o.valid_until, 'YYYY-MM-DD'), 'compliance', o.compliance, 'values', o.criterion_values,
                  'needsReconfirmation', o.needs_reconfirmation, 'revision', o.revision, 'createdAt', ${MS_ISO('o.created_at')},
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
,
       pg_current_snapshot()::text AS snapshot, r.id AS "roundId", pg_postmaster_start_time()::text AS server
  FROM cases c
  LEFT JOIN LATERAL (SELECT r.id, r.number, r.best_and_final, r.deadline, r.closed_at FROM negotiation_rounds r
                      WHERE r.case_id = c.id AND NOT ${roundOpenSql('r')} ORDER BY r.number DESC LIMIT 1) r ON true
  LEFT JOIN LATERAL (SELECT p.version, p.data, p.created_at, p.created_by FROM policy_versions p ORDER BY p.version DESC LIMIT 1) p ON true
  LEFT JOIN LATERAL (SELECT * FROM specification_versions v WHERE v.case_id = c.id ORDER BY v.version DESC LIMIT 1) v ON true
 WHERE c.id = $1`;

/**
 * The check in front of `MATRIX_READS` (README "The decision matrix"), for case $1 and a snapshot
 * $2 its reads were made in (`pg_current_snapshot()` of that statement, `ReadsBasis`):
 * - `unchanged`: the change log has no row of this case or of every case (NULL) written by a
 *   transaction $2 does not see (every transaction before its xmin it sees, or it aborted), and
 *   was not pruned past $2's xmin (rows below `pruned_below` may be gone); NULL counts as changed;
 * - `roundId`: the decision round as `MATRIX_READS` chooses it now, against the database clock, the
 *   one part of the reads that moves without a row changing (a deadline passing);
 * - `server`: when the server answering started. Transaction ids only grow on one server; a
 *   standby promoted after losing the primary's last transactions, or a restore into another
 *   cluster, hands out ids again that a kept snapshot would count as seen, so another server (or
 *   the same one restarted) counts as changed.
 */
const MATRIX_INPUTS_CHANGED = `SELECT (SELECT p.pruned_below FROM matrix_input_pruning p) <= pg_snapshot_xmin($2::pg_snapshot)
          AND NOT EXISTS (SELECT FROM matrix_input_changes x
                           WHERE x.case_id = $1 AND x.xid >= pg_snapshot_xmin($2::pg_snapshot) AND NOT pg_visible_in_snapshot(x.xid, $2::pg_snapshot))
          AND NOT EXISTS (SELECT FROM matrix_input_changes x
                           WHERE x.case_id IS NULL AND x.xid >= pg_snapshot_xmin($2::pg_snapshot) AND NOT pg_visible_in_snapshot(x.xid, $2::pg_snapshot)) AS unchanged,
       (SELECT r.id FROM negotiation_rounds r WHERE r.case_id = $1 AND NOT ${roundOpenSql('r')} ORDER BY r.number DESC LIMIT 1) AS "roundId",
       pg_postmaster_start_time()::text AS server`;

/** pg's parsers with JSON (the matrix's three columns are `json`, oid 114) left as the text sent. */
const JSON_AS_TEXT = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === 114 ? (text: string) => text : pgTypes.getTypeParser(oid, format))) as typeof pgTypes.getTypeParser,
};

/** The matrix's reads as PostgreSQL sent them: the three JSON texts of `MATRIX_READS`, and what `MATRIX_INPUTS_CHANGED` checks them by. */
export interface MatrixReadsText extends ReadsBasis {
  context: string;
  offers: string;
  scores: string;
}

/** The snapshot a `MATRIX_READS` statement read in (`pg_current_snapshot()` text), the decision round it chose (null: none) and when its server started. */
export interface ReadsBasis {
  snapshot: string;
  roundId: string | null;
  server: string;
}

/** `matrixReads`' answer from the text of the same statement. */
export function parseMatrixReads(text: MatrixReadsText): MatrixReads {
  return readsOf(JSON.parse(text.context) as MatrixContextJson, JSON.parse(text.offers) as OfferJson[], JSON.parse(text.scores) as ScoreCellJson[]);
}

/** The one mapping of the statement's row: instants become Dates, exact amounts normalized, score cells summaries. */
function readsOf(c: MatrixContextJson, offers: OfferJson[], cells: ScoreCellJson[]): MatrixReads {
  const context: MatrixContext = {
    currency: c.currency,
    profitImpact: c.profitImpact,
    supplyRisk: c.supplyRisk,
    rates: new Map(c.rates.map(([currency, rate]) => [currency, normalizeAmount(rate)])),
    round: c.round && { ...c.round, deadline: new Date(c.round.deadline), closedAt: instant(c.round.closedAt) },
    policy: c.policy && { version: c.policy.version, data: c.policy.data, createdAt: new Date(c.policy.createdAt), createdBy: c.policy.createdBy },
  };
  const rows = offers.map((o): DecisionOfferRow => ({ ...o, totalPrice: normalizeAmount(o.totalPrice), createdAt: new Date(o.createdAt) }));
  const scores = new Map<string, ScoreSummary>();
  for (const [criterionId, supplierId, sum, count, min, max] of cells) scores.set(scoreKey(criterionId, supplierId), summaryOfHundredths({ sum, count, min, max }));
  return { context, specification: specificationOf(c.specification), offers: rows, scores };
}

const instant = (text: string | null): Date | null => (text === null ? null : new Date(text));

/** The current specification of the matrix's row as the SpecificationVersion entity reads it; null when the case has none. */
function specificationOf(v: MatrixContextJson['specification']): SpecificationVersion | null {
  if (v === null) return null;
  // in the entity's column order, so the object is the one `currentSpecification` gives, key for key
  return Object.assign(new SpecificationVersion(), {
    id: v.id,
    caseId: v.caseId,
    version: v.version,
    frozenAt: instant(v.frozenAt),
    description: v.description,
    deliverables: v.deliverables,
    quantity: v.quantity,
    requirements: v.requirements,
    criteria: v.criteria,
    ahp: v.ahp,
    reason: v.reason,
    createdBy: v.createdBy,
    createdAt: new Date(v.createdAt),
    updatedAt: new Date(v.updatedAt),
  });
}

/** Instants as `MS_ISO` text. */
type Instants<T, K extends keyof T> = Omit<T, K> & { [P in K]: null extends T[P] ? string | null : string };

/** The `context` column of `MATRIX_READS`. */
interface MatrixContextJson {
  currency: string;
  profitImpact: number;
  supplyRisk: number;
  rates: Array<[string, string]>;
  round: Instants<NonNullable<MatrixContext['round']>, 'deadline' | 'closedAt'> | null;
  policy: Instants<NonNullable<MatrixContext['policy']>, 'createdAt'> | null;
  specification: Instants<SpecificationVersion, 'frozenAt' | 'createdAt' | 'updatedAt'> | null;
}

/** An element of the `offers` column. */
type OfferJson = Instants<DecisionOfferRow, 'createdAt'>;

/** An element of the `scores` column: criterion, supplier, sum, count, min, max (hundredths). */
type ScoreCellJson = [string, string, number, number, number, number];
