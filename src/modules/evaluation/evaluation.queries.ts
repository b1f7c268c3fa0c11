import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type Decision } from './decision.entity';
import { scoreKey, type ScoreSummary, summaryOfHundredths } from '../../domain/evaluation/scores';
import { type Score } from './score.entity';

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
   * The evaluator score summaries of the case by scoreKey(criterion, supplier), aggregated in SQL
   * (one row per scored cell, not per score): sum, count, min and max in exact hundredths
   * (numeric(4,2) × 100 is an integer), so the mean divided here is the one `summarizeScores` gives.
   */
  async scoreSummaries(m: EntityManager, caseId: string): Promise<Map<string, ScoreSummary>> {
    const rows: Array<{ criterionId: string; supplierId: string; sum: string; count: number; min: string; max: string }> = await m.query(
      `SELECT criterion_id AS "criterionId", supplier_id AS "supplierId", sum(score * 100)::bigint::text AS sum,
              count(*)::int AS count, (min(score) * 100)::bigint::text AS min, (max(score) * 100)::bigint::text AS max
         FROM scores WHERE case_id = $1 GROUP BY criterion_id, supplier_id`,
      [caseId],
    );
    return new Map(
      rows.map((r) => [scoreKey(r.criterionId, r.supplierId), summaryOfHundredths({ sum: Number(r.sum), count: r.count, min: Number(r.min), max: Number(r.max) })]),
    );
  }
}
