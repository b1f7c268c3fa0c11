import { CRITERION_KINDS, CRITERION_SOURCES, DIRECTIONS, NORMALIZATIONS } from '../../domain/specification/types';
import {
  type Answer,
  anyOf,
  array,
  boolean,
  component,
  count,
  currency,
  date,
  dateTime,
  decimal,
  described,
  nullable,
  number,
  object,
  oneOf,
  optional,
  sha256,
  string,
  uuid,
} from '../../openapi/schema';
import type { EvaluationController } from './evaluation.controller';

type Board = Answer<EvaluationController, 'listScores' | 'putScores'>;
type Matrix = Answer<EvaluationController, 'getMatrix'>;
type SensitivityAnswer = Answer<EvaluationController, 'getSensitivity'>;

const score = described(number, 'an evaluator score, 0–10', { minimum: 0, maximum: 10 });
const points = (text: string) => described(number, text, { minimum: 0, maximum: 100 });
const share = (text: string) => described(number, text, { minimum: 0, maximum: 1 });

export const ScoreBoard = component(
  'ScoreBoard',
  object<Board>({
    caseId: uuid,
    criteria: array(
      object({
        criterionId: uuid,
        name: string,
        completedByYou: described(nullable(boolean), 'null: the caller is not an evaluator of this case'),
      }),
    ),
    suppliers: array(object({ supplierId: uuid, supplierName: string, ranked: boolean })),
    items: array(
      object<Board['items'][number]>(
        {
          criterionId: uuid,
          criterionName: string,
          supplierId: uuid,
          supplierName: string,
          ranked: boolean,
          visible: described(boolean, 'false until the caller has scored every supplier on this criterion: then only their own score shows'),
          own: nullable(object({ score, comment: nullable(string), updatedAt: dateTime })),
          scores: array(object({ evaluatorId: uuid, evaluatorName: string, score, comment: nullable(string), updatedAt: dateTime })),
          mean: nullable(score),
          count: nullable(count()),
          spread: described(nullable(number), 'highest minus lowest score'),
          consensusNeeded: nullable(boolean),
        },
        { description: 'one criterion × supplier; the aggregates are null while not visible' },
      ),
    ),
  }),
);

const matrixCell = object<Matrix['ranking'][number]['cells'][number]>({
  criterionId: uuid,
  raw: described(nullable(anyOf(decimal, number)), 'the value scored: the converted price as an exact decimal, other values as numbers; null: missing'),
  normalized: share('0–1'),
  contribution: share('weight × normalized, 0–1'),
  points: points('100 × contribution: the cell’s share of the 0–100 total (a row’s points add up to its total)'),
  rawAmount: optional(nullable(decimal)),
  scoreCount: optional(count()),
  scoreSpread: optional(nullable(number)),
  consensusNeeded: optional(boolean),
});

export const DecisionMatrix = component(
  'DecisionMatrix',
  object<Matrix>({
    caseId: uuid,
    currency,
    asOf: described(date, 'reliability and certification validity are evaluated as of this date (the decision round’s close)'),
    asOfBasis: string,
    round: object({ number: count(1), bestAndFinal: boolean, closedAt: dateTime }),
    specificationVersion: count(1),
    strategic: boolean,
    rule: described(string, 'which term of the strategic rule decided, with the numbers, or why nothing changed'),
    weights: array(
      object({
        criterionId: uuid,
        name: string,
        kind: oneOf(CRITERION_KINDS),
        source: nullable(oneOf(CRITERION_SOURCES)),
        direction: nullable(oneOf(DIRECTIONS)),
        normalization: nullable(oneOf(NORMALIZATIONS)),
        base: share('the normalized base weight (0 for the built-in reliability criterion)'),
        effective: share('the weight the matrix uses; the effective weights sum to 1'),
      }),
    ),
    ranking: array(
      object({
        supplierId: uuid,
        supplierName: string,
        rank: count(1),
        total: points('0–100'),
        tie: boolean,
        reliability: nullable(points('the reliability score, 0–100')),
        totalPrice: decimal,
        offerCurrency: currency,
        convertedTotal: described(nullable(decimal), 'in the case currency; null: no exchange rate'),
        needsReconfirmation: boolean,
        cells: array(matrixCell),
      }),
    ),
    excluded: array(
      object({ supplierId: uuid, supplierName: nullable(string), requirementId: uuid, requirement: nullable(string), reason: string }),
      { description: 'suppliers left out for a failed mandatory requirement' },
    ),
    provisional: described(boolean, 'an evaluator-scored criterion has no score for a ranked supplier (counted as 0): the order may still change'),
    unscored: array(object({ criterionId: uuid, criterionName: string, supplierId: uuid, supplierName: string }), {
      description: 'every evaluator-scored criterion × ranked supplier with no score yet',
    }),
    warnings: array(string, { description: 'a missing exchange rate; each evaluator-scored criterion without scores for a ranked supplier' }),
  }),
);

export const Sensitivity = component(
  'Sensitivity',
  object<SensitivityAnswer>({
    caseId: uuid,
    asOf: date,
    threshold: described(number, 'policy: a shown-weight change below this many percentage points makes the decision sensitive'),
    winner: nullable(uuid),
    winnerName: nullable(string),
    runnerUp: nullable(uuid),
    runnerUpName: nullable(string),
    criteria: array(
      object({
        criterionId: uuid,
        name: nullable(string),
        delta: described(nullable(number), 'the smallest feasible change of the weight (0–1 scale) that lets another supplier equal the winner'),
        percent: described(nullable(number), '100 × delta / weight'),
        feasible: boolean,
        overtakenBy: nullable(uuid),
        overtakenByName: nullable(string),
        shownChange: described(nullable(number), 'the same change of the shown (normalized) weight, in signed percentage points'),
        shownOvertakenBy: nullable(uuid),
      }),
    ),
    mostCritical: nullable(uuid),
    priceCutToWin: nullable(
      object({
        supplierId: uuid,
        supplierName: nullable(string),
        criterionId: uuid,
        currency,
        fromPrice: decimal,
        toPrice: decimal,
        cut: decimal,
        percent: number,
      }),
    ),
    sensitive: boolean,
    closeCall: object({
      priceCutPercent: described(nullable(number), 'the runner-up’s price cut to win, in percent of its price; null when no cut can do it'),
      threshold: number,
      close: boolean,
    }),
    scoreChanges: array(
      object({
        criterionId: uuid,
        supplierId: described(nullable(uuid), 'null: no change of one supplier’s mean score within 0–10 changes the winner'),
        change: described(nullable(number), 'new mean − current mean, signed'),
      }),
    ),
    gap: described(nullable(number), 'the winner’s total minus the runner-up’s, in points; null with fewer than two ranked'),
  }),
);

export const Robustness = component(
  'Robustness',
  object<Answer<EvaluationController, 'getRobustness'>>({
    samples: count(1),
    spread: described(number, 'each weight moves by a factor uniform in [1 − spread, 1 + spread]'),
    seed: described(string, 'hexadecimal: the ranking snapshot’s hash, so the same case gives the same figures'),
    suppliers: array(
      object({
        supplierId: uuid,
        acceptability: array(share('share of draws'), { description: 'the share of draws that put the supplier at rank 1, 2, … (one entry per ranked supplier)' }),
        firstRank: share('acceptability[0]'),
        centralWeights: array(object({ criterionId: uuid, weight: share('0–1') }), { description: 'the mean weights of the draws it wins; empty when it never ranks first' }),
        confidence: share('the share of score draws it wins with its central weights fixed; 0 when it never ranks first'),
      }),
      { description: 'the ranked suppliers, in the matrix’s order' },
    ),
  }),
);

export const Proposal = component(
  'Proposal',
  object<Answer<EvaluationController, 'propose' | 'getDecision'>>({
    id: uuid,
    supplierId: uuid,
    supplierName: string,
    justification: string,
    override: described(boolean, 'the proposal is not the top-ranked supplier'),
    snapshotHash: sha256,
    currentHash: described(sha256, 'the snapshot hash recomputed from today’s data'),
    stale: described(boolean, 'the matrix changed since the proposal: it must be proposed again'),
    proposedBy: uuid,
    proposedByName: string,
    createdAt: dateTime,
    rank: optional(count(1)),
    total: optional(points('0–100')),
  }),
);

export const evaluationSchemas = [ScoreBoard, DecisionMatrix, Sensitivity, Robustness, Proposal];
