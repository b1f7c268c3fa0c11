import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Decimal, money } from '../../common/money';
import { createHash } from 'node:crypto';
import { minorUnits } from '../../domain/money';
import { DomainError } from '../../domain/errors';
import { assembleMatrixInput } from '../../domain/evaluation/matrix-input';
import { type CertificationHeld, failedRequirements, type FailedRequirement } from '../../domain/requirements';
import { type ScoreRecord, scoreGaps, scoreGapWarnings, scoreKey, scoresByCell, type ScoreSummary } from '../../domain/evaluation/scores';
import { decisionSnapshot, type DecisionSnapshot, rankingSnapshotHash } from '../../domain/evaluation/snapshot';
import { roundAsOf, roundClosedAt } from '../../domain/negotiation/round';
import type { ReliabilityResult } from '../../domain/reliability';
import {
  closeCall,
  DEFAULT_CLOSE_CALL_PERCENT,
  decisionMatrix,
  type EffectiveWeights,
  type MatrixInput,
  type MatrixResult,
  rankAcceptability,
  type RobustnessResult,
  sensitivity,
  type SensitivityResult,
} from '../../domain/scoring';
import { offerForMatrix, type OfferForMatrix } from '../negotiation/negotiation.reader';
import { policyViewOf, type PolicyView } from '../policy/policy.service';
import { type SpecificationVersion } from '../specification/specification-version.entity';
import { WeightsService } from '../specification/weights.service';
import { heldCertifications } from '../suppliers/certifications.reader';
import { reliabilityOfRecord } from '../suppliers/reliability.service';
import { EvaluationQueries, type MatrixReads, type MatrixReadsText, parseMatrixReads, type ReadsBasis } from './evaluation.queries';
import { matrixCsv } from './matrix.csv';
import { BuiltFromReads, RenderedBodies } from './rendered-bodies';
import { Score } from './score.entity';
import { Metrics } from '../observability/metrics';

/** What the matrix stands on, before reliability and scores: enough to know who is ranked. */
export interface MatrixBasis {
  caseId: string;
  baseCurrency: string;
  /**
   * The calendar date (UTC) the decision round closed. Reliability decays with time and
   * certifications expire, so both are evaluated as of this date, never "today": a proposal must
   * not go stale by itself overnight, only when its inputs change.
   */
  asOf: string;
  round: { id: string; number: number; bestAndFinal: boolean; closedAt: Date };
  specification: SpecificationVersion;
  weights: EffectiveWeights;
  /** current offers of the suppliers still in the decision round, by supplier name */
  offers: OfferForMatrix[];
  certifications: Map<string, CertificationHeld[]>;
  /** failed mandatory requirements by supplier id; absent = passes them all */
  failed: Map<string, FailedRequirement[]>;
  /** offers of the suppliers that pass every mandatory requirement, by supplier name */
  ranked: OfferForMatrix[];
  /** the policy as this transaction read it (strategic rule, reliability constants) */
  policy: PolicyView;
}

/** The decision matrix of a case as the pure core computed it, with everything it was computed from. */
export interface MatrixBuild extends MatrixBasis {
  reliability: Map<string, ReliabilityResult>;
  /** evaluator score summaries by scoreKey(criterionId, supplierId), aggregated by the database */
  scores: Map<string, ScoreSummary>;
  input: MatrixInput;
  result: MatrixResult;
}

/** What the API says about `asOf`. */
export const AS_OF_BASIS =
  'reliability scores and certification validity are evaluated as of the UTC date the decision round closed, so the matrix does not change by itself as days pass';

/**
 * Builds the weighted decision matrix of a case (README "Decision matrix"): the suppliers still in
 * the last closed round with their current offers, effective weights, reliability scores, evaluator
 * means and mandatory requirements, through `decisionMatrix`. Used by the matrix, sensitivity and
 * decision endpoints, and by the approval and report modules.
 */
@Injectable()
export class MatrixService {
  /** the matrix bodies last answered, by ETag, within 32 MiB (a 200 × 40 JSON body is 1.3 MB) */
  private readonly bodies = new RenderedBodies(32 * 2 ** 20);
  /** the reads each case's last matrix was built from, with its ETags, within 16 Mi characters (200 × 40: ~0.5 Mi) */
  private readonly builtFrom = new BuiltFromReads<string, ReadsBasis>(16 * 2 ** 20);
  /** the sensitivity answers last made from each case's reads, within 16 Mi characters of reads */
  private readonly sensitivityFrom = new BuiltFromReads<SensitivityView, ReadsBasis>(16 * 2 ** 20);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly weightsService: WeightsService,
    private readonly queries: EvaluationQueries,
    @Optional() private readonly metrics?: Metrics,
  ) {}

  /** Throws 409 CONFLICT while no negotiation round has closed. */
  async basis(m: EntityManager, caseId: string): Promise<MatrixBasis> {
    return (await this.read(m, caseId, false)).basis;
  }

  /**
   * The matrix's reads, in one statement (`EvaluationQueries.matrixReads`): the case, its rates, its
   * decision round, the policy, the current specification, the decision round's offers with their
   * suppliers' certifications, financial risk and performance events, and (`withScores`) the score
   * aggregate. One statement is one snapshot, so a caller outside a transaction still reads one
   * consistent state. The reliability scores come from the same rows, as of the round's date.
   */
  private async read(m: EntityManager, caseId: string, withScores: boolean) {
    return this.basisOf(m, caseId, await this.queries.matrixReads(m, caseId, withScores));
  }

  /** The basis, reliability and scores of the matrix from its reads (null: no such case). */
  private async basisOf(m: EntityManager, caseId: string, reads: MatrixReads | null) {
    const decision = reads?.context.round;
    if (!reads || !decision) {
      throw new DomainError('CONFLICT', 'no negotiation round has closed yet: the decision matrix needs a closed round', {
        reason: 'NO_CLOSED_ROUND',
      });
    }
    const { context, offers: rows, scores } = reads;
    const policy = policyViewOf(context.policy);
    const { specification, effective } = await this.weightsService.forCase(m, caseId, { case: context, policy, specification: reads.specification });
    const { id, number, bestAndFinal } = decision;
    const closedAt = roundClosedAt(decision);
    const asOf = roundAsOf(decision);
    const offers = rows.map((o) => offerForMatrix(o, context.currency, context.rates));
    const certifications = new Map(rows.map((o) => [o.supplierId, heldCertifications(o.certifications)]));
    const reliability = new Map(rows.map((o) => [o.supplierId, reliabilityOfRecord(o, o.events, asOf, policy.reliability)]));
    const failed = new Map<string, FailedRequirement[]>();
    for (const offer of offers) {
      const f = failedRequirements(specification.requirements, offer, certifications.get(offer.supplierId) ?? [], asOf);
      if (f.length > 0) failed.set(offer.supplierId, f);
    }
    const basis: MatrixBasis = {
      caseId,
      baseCurrency: context.currency,
      asOf,
      round: { id, number, bestAndFinal, closedAt },
      specification,
      weights: effective,
      offers,
      certifications,
      failed,
      ranked: offers.filter((o) => !failed.has(o.supplierId)),
      policy,
    };
    return { basis, reliability, scores };
  }

  /** The matrix of a case as read by `m` (a transaction's manager, or the data source's: the reads are one statement). */
  async build(m: EntityManager, caseId: string): Promise<MatrixBuild> {
    // the metric covers the reads the matrix needs as well as the arithmetic: what a caller waits for
    const timed = this.metrics?.compute.startTimer({ step: 'matrix' });
    const built = this.buildOf(await this.read(m, caseId, true));
    timed?.();
    return built;
  }

  /**
   * The matrix's reads outside any transaction (one statement, one snapshot) as the text PostgreSQL
   * sent, and that text's three columns, what `builtFrom` and `sensitivityFrom` compare (null: no such case).
   */
  private async readsText(caseId: string) {
    const text = await this.queries.matrixReadsText(this.dataSource, caseId);
    return { text, reads: text && [text.context, text.offers, text.scores], basis: text && { snapshot: text.snapshot, roundId: text.roundId, server: text.server } };
  }

  /**
   * The basis of what `kept` holds for the case, when its reads cannot have changed since
   * (`EvaluationQueries.matrixInputsChanged`: the change log and the decision round, one statement
   * in place of the reads); undefined when nothing is kept or they may have changed.
   */
  private async unchangedBasis<V>(kept: BuiltFromReads<V, ReadsBasis>, caseId: string): Promise<ReadsBasis | undefined> {
    const basis = kept.basis(caseId);
    if (basis === undefined || (await this.queries.matrixInputsChanged(this.dataSource, caseId, basis))) return undefined;
    return basis;
  }

  /** `build` from reads already read as text (`readsText`). */
  private async buildFromText(caseId: string, text: MatrixReadsText | null): Promise<MatrixBuild> {
    const timed = this.metrics?.compute.startTimer({ step: 'matrix' });
    const built = this.buildOf(await this.basisOf(this.dataSource.manager, caseId, text && parseMatrixReads(text)));
    timed?.();
    return built;
  }

  /** The pure part of `build`: the matrix input and result from the basis, reliability and scores. */
  private buildOf({ basis, reliability, scores }: Awaited<ReturnType<MatrixService['basisOf']>>): MatrixBuild {
    const input = assembleMatrixInput({
      criteria: basis.weights.criteria,
      requirements: basis.specification.requirements,
      offers: basis.offers,
      reliability: new Map([...reliability].map(([id, r]) => [id, r.score])),
      scores,
      certifications: basis.certifications,
      asOf: basis.asOf,
    });
    const result = decisionMatrix(input);
    return { ...basis, reliability, scores, input, result };
  }

  /** The snapshot a proposal of `proposal` would be made on, from a build. */
  snapshot(b: MatrixBuild, proposal: { supplierId: string; justification: string; override: boolean }): DecisionSnapshot {
    return decisionSnapshot({
      caseId: b.caseId,
      baseCurrency: b.baseCurrency,
      asOf: b.asOf,
      round: b.round,
      input: b.input,
      offers: b.offers,
      weights: b.weights,
      result: b.result,
      proposal,
    });
  }

  /**
   * The matrix answer in one representation: its ETag (`matrixEtag`) and the body's bytes, or no
   * body when `ifNoneMatch` names that ETag (the caller answers 304). Reads equal to those the
   * case's last matrix was built from give its ETag without building again (`builtFrom`); a body
   * answered before under the same ETag is answered again from `bodies` without assembling or
   * serializing the view: the ETag covers every fact the body shows, as the 304 already relies on.
   * In front of the reads, the check (`unchangedBasis`): when nothing the kept reads stand on has
   * changed since their snapshot, the kept ETag and body answer after that one statement.
   */
  async matrix(caseId: string, ifNoneMatch?: string, representation: 'json' | 'csv' = 'json'): Promise<{ etag: string; body: Buffer | null }> {
    const since = await this.unchangedBasis(this.builtFrom, caseId);
    const unchanged = since && this.builtFrom.made(caseId, since, representation);
    if (unchanged !== undefined) {
      if (etagListed(ifNoneMatch, unchanged)) return { etag: unchanged, body: null };
      const kept = this.bodies.peek(unchanged);
      if (kept) return { etag: unchanged, body: kept };
    }
    const { text, reads, basis } = await this.readsText(caseId);
    const known = reads && basis ? this.builtFrom.get(caseId, reads, basis, representation) : undefined;
    if (known !== undefined) {
      if (etagListed(ifNoneMatch, known)) return { etag: known, body: null };
      const kept = this.bodies.peek(known);
      if (kept) return { etag: known, body: kept };
    }
    const b = await this.buildFromText(caseId, text);
    const etag = matrixEtag(b, representation);
    if (reads && basis) this.builtFrom.remember(caseId, reads, basis, representation, etag);
    if (etagListed(ifNoneMatch, etag)) return { etag, body: null };
    return { etag, body: this.bodies.get(etag, () => matrixBody(b, representation)) };
  }

  /**
   * The sensitivity of the ranking. Like the matrix, reads equal to those the case's last answer
   * was made from give that answer again (`sensitivityFrom`): it is a function of the build and
   * the policy's sensitivity settings, both made from those reads alone, and the same check as the
   * matrix's stands in front of the reads (`unchangedBasis`). The answer is kept
   * frozen, so no caller can change what the next one is given.
   */
  async sensitivity(caseId: string): Promise<SensitivityView> {
    const since = await this.unchangedBasis(this.sensitivityFrom, caseId);
    const unchanged = since && this.sensitivityFrom.made(caseId, since, 'json');
    if (unchanged !== undefined) return unchanged;
    const { text, reads, basis } = await this.readsText(caseId);
    const known = reads && basis ? this.sensitivityFrom.get(caseId, reads, basis, 'json') : undefined;
    if (known !== undefined) return known;
    const built = await this.buildFromText(caseId, text);
    const { threshold, closeCallPercent } = built.policy.sensitivity;
    const result = sensitivity(built.input, { sensitiveThreshold: threshold, closeCallPercent });
    const view = deepFreeze(sensitivityView(built, result, threshold, closeCallPercent));
    if (reads && basis) this.sensitivityFrom.remember(caseId, reads, basis, 'json', view);
    return view;
  }

  /**
   * Prunes the change log the check reads (`EvaluationQueries.pruneMatrixInputChanges`): the
   * approvers' sweep runs it every quarter hour on worker processes; the rows written since the
   * previous prune stay, so answers kept since then still pass their check.
   */
  pruneInputChanges(): Promise<number> {
    return this.queries.pruneMatrixInputChanges(this.dataSource.manager);
  }

  /** Rank acceptability (SMAA-2) of the ranked suppliers, seeded from the ranking's snapshot hash. */
  async robustness(caseId: string): Promise<RobustnessResult> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const built = await this.build(m, caseId);
      const { samples, spread } = built.policy.robustness;
      return robustnessOf(built, await evaluatorScores(m, caseId), { samples, spread });
    });
  }
}

/** The evaluators' own scores of a case, one row per evaluator × supplier × criterion: what rank acceptability resamples. */
export function evaluatorScores(m: EntityManager, caseId: string): Promise<ScoreRecord[]> {
  return m.find(Score, { select: { evaluatorId: true, supplierId: true, criterionId: true, score: true }, where: { caseId } });
}

/**
 * Rank acceptability of a build (README "Robustness"): the pure core on the matrix input and the
 * evaluators' own scores (`evaluatorScores`, of the same transaction), seeded from the ranking snapshot hash.
 */
export function robustnessOf(b: MatrixBuild, scores: readonly ScoreRecord[], policy: { samples: number; spread: number }): RobustnessResult {
  return rankAcceptability({ ...b.input, evaluatorScores: scoresByCell(scores) }, { ...policy, seed: rankingSeed(b) });
}

/** The seed of a build's rank acceptability draws: its decision snapshot without the proposal, hashed. */
export function rankingSeed(b: MatrixBuild): string {
  return rankingSnapshotHash({
    caseId: b.caseId,
    baseCurrency: b.baseCurrency,
    asOf: b.asOf,
    round: b.round,
    input: b.input,
    offers: b.offers,
    weights: b.weights,
    result: b.result,
  });
}

/**
 * The ETag of the matrix of a build in one representation: the facts of the ranking snapshot
 * (`rankingSnapshotHash`'s parts: the matrix input, exact offer amounts, weights, ranking,
 * exclusions) with everything else the view shows and the snapshot leaves out on purpose (display
 * names, requirement texts, criterion kinds and names, the specification version, the round's
 * closing facts, reliability, score counts and spreads, reconfirmation flags), hashed together.
 * Every part is an array or an object built in a fixed key order, so its plain JSON is as
 * deterministic as canonical JSON and far cheaper at 200 suppliers × 40 criteria (the raw values go
 * in as their 64-bit floats); the cells the
 * body shows are `decisionMatrix` of the input hashed here. Any change of what the body says
 * changes it; the body itself is never hashed. Not the snapshot hash itself: that one (canonical
 * JSON) stays what proposals are signed on and what seeds rank acceptability (`rankingSeed`).
 */
export function matrixEtag(b: MatrixBuild, representation: 'json' | 'csv'): string {
  const facts = [
    representation,
    AS_OF_BASIS,
    b.caseId,
    b.baseCurrency,
    b.asOf,
    [b.round.id, b.round.number, b.round.bestAndFinal, b.round.closedAt.toISOString()],
    b.specification.version,
    [b.weights.strategic, b.weights.rule],
    b.weights.items.map((i) => [i.criterionId, i.name, i.kind, i.base, i.effective]),
    b.weights.criteria.map((c) => [c.id, c.source, c.direction, c.normalization, c.weight]),
    b.specification.requirements.map((r) => [r.id, r.text]),
    b.offers.map((o) => [o.supplierId, o.supplierName, o.totalPrice, o.currency, o.convertedTotal, o.needsReconfirmation, b.reliability.get(o.supplierId)?.score ?? null]),
    // what decisionMatrix read, criteria and suppliers (raw values by criterion, reliability, cost, failed requirements)
    b.input.criteria.map((c) => [c.id, c.direction, c.normalization, c.weight, c.source]),
    b.input.suppliers.map((s) => [s.supplierId, s.reliability, s.totalCost, s.failedRequirements.map((f) => [f.requirementId, f.reason])]),
    b.result.ranking.map((r) => [r.supplierId, r.rank, r.total, r.tie]),
    b.result.excluded.map((e) => [e.supplierId, e.requirementId, e.reason]),
    // the aggregate's rows come in (criterion, supplier) order, whatever plan PostgreSQL picks (the `scores` column of EvaluationQueries' MATRIX_READS)
    scoreFacts(b.scores),
  ];
  // the raw values (suppliers × criteria in input order, a missing one NaN) hashed as their 64-bit floats, not as decimal text
  const raw = new Float64Array(b.input.suppliers.length * b.input.criteria.length);
  let k = 0;
  for (const s of b.input.suppliers) for (const c of b.input.criteria) raw[k++] = s.raw[c.id] ?? NaN;
  const digest = createHash('sha256').update(JSON.stringify(facts)).update(new Uint8Array(raw.buffer)).digest('hex');
  return `"${digest.slice(0, 32)}"`;
}

/** Count, spread and consensus flag of every scored cell, flat, in the summaries' order. */
function scoreFacts(scores: ReadonlyMap<string, ScoreSummary>): Array<string | number | boolean | null> {
  const flat: Array<string | number | boolean | null> = [];
  for (const [key, s] of scores) flat.push(key, s.count, s.spread, s.consensusNeeded);
  return flat;
}

/** The bytes of the matrix of a build in one representation: the view's JSON (as the framework writes it), or its CSV. */
export function matrixBody(b: MatrixBuild, representation: 'json' | 'csv'): Buffer {
  const view = matrixView(b);
  return Buffer.from(representation === 'csv' ? matrixCsv(view) : JSON.stringify(view));
}

/** If-None-Match (RFC 9110 §13.1.2, weak comparison) lists `etag`, or is `*`. */
export function etagListed(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}

export type MatrixView = ReturnType<typeof matrixView>;

/** The matrix as the API shows it: the contract's fields, plus names, exact amounts and consensus flags. */
export function matrixView(b: MatrixBuild) {
  const offers = new Map(b.offers.map((o) => [o.supplierId, o]));
  const criteria = new Map(b.weights.criteria.map((c) => [c.id, c]));
  const requirements = new Map(b.specification.requirements.map((r) => [r.id, r]));
  const gaps = unscoredCells(b);
  const warnings = [
    ...b.ranked
      .filter((o) => o.convertedTotal === null)
      .map((o) => `no exchange rate for ${o.currency}: the price of ${o.supplierName} is missing and normalizes to 0`),
    ...scoreGapWarnings(gaps),
  ];
  return {
    caseId: b.caseId,
    currency: b.baseCurrency,
    asOf: b.asOf,
    asOfBasis: AS_OF_BASIS,
    round: { number: b.round.number, bestAndFinal: b.round.bestAndFinal, closedAt: b.round.closedAt },
    specificationVersion: b.specification.version,
    strategic: b.weights.strategic,
    rule: b.weights.rule,
    weights: b.weights.items.map((i) => {
      const c = criteria.get(i.criterionId);
      return {
        criterionId: i.criterionId,
        name: i.name,
        kind: i.kind,
        source: c?.source ?? null,
        direction: c?.direction ?? null,
        normalization: c?.normalization ?? null,
        base: i.base,
        effective: i.effective,
      };
    }),
    ranking: b.result.ranking.map((r) => {
      const offer = offers.get(r.supplierId)!;
      return {
        supplierId: r.supplierId,
        supplierName: offer.supplierName,
        rank: r.rank,
        total: r.total,
        tie: r.tie,
        reliability: b.reliability.get(r.supplierId)?.score ?? null,
        totalPrice: money(offer.totalPrice, offer.currency),
        offerCurrency: offer.currency,
        convertedTotal: money(offer.convertedTotal, b.baseCurrency),
        needsReconfirmation: offer.needsReconfirmation,
        cells: r.cells.map((cell) => {
          const criterion = criteria.get(cell.criterionId);
          const summary = criterion?.source === 'evaluator' ? b.scores.get(scoreKey(cell.criterionId, r.supplierId)) : undefined;
          return {
            criterionId: cell.criterionId,
            // money leaves as an exact decimal string; every other raw value is a plain number
            raw: criterion?.source === 'offer.price' && offer.convertedTotal !== null ? money(offer.convertedTotal, b.baseCurrency) : cell.raw,
            normalized: cell.normalized,
            contribution: cell.contribution,
            points: cell.points,
            ...(criterion?.source === 'offer.price' ? { rawAmount: money(offer.convertedTotal, b.baseCurrency) } : {}),
            ...(criterion?.source === 'evaluator'
              ? {
                  scoreCount: summary?.count ?? 0,
                  scoreSpread: summary?.spread ?? null,
                  consensusNeeded: summary?.consensusNeeded ?? false,
                }
              : {}),
          };
        }),
      };
    }),
    excluded: b.result.excluded.map((e) => ({
      supplierId: e.supplierId,
      supplierName: offers.get(e.supplierId)?.supplierName ?? null,
      requirementId: e.requirementId,
      requirement: requirements.get(e.requirementId)?.text ?? null,
      reason: e.reason,
    })),
    provisional: gaps.length > 0,
    unscored: gaps,
    warnings,
  };
}

/** The evaluator-scored criteria × ranked suppliers with no score yet (the DECISION precondition's gaps). */
export function unscoredCells(b: MatrixBuild) {
  const criteria = b.weights.criteria.filter((k) => k.source === 'evaluator');
  return scoreGaps(
    criteria,
    b.ranked.map((o) => ({ id: o.supplierId, name: o.supplierName })),
    b.scores,
  );
}

export type SensitivityView = ReturnType<typeof sensitivityView>;

/**
 * Weight changes on the 0–1 scale, shown-weight changes in percentage points, score changes on the
 * 0–10 scale, the gap in points; the price cut in exact decimal strings of the base currency, and
 * the close call read on that (cents-rounded) cut.
 */
export function sensitivityView(b: MatrixBuild, s: SensitivityResult, threshold: number, closeCallPercent: number = DEFAULT_CLOSE_CALL_PERCENT) {
  const names = new Map(b.weights.items.map((i) => [i.criterionId, i.name]));
  const suppliers = new Map(b.offers.map((o) => [o.supplierId, o.supplierName]));
  let priceCutToWin = null;
  if (s.priceCutToWin) {
    const cut = s.priceCutToWin;
    const from = b.offers.find((o) => o.supplierId === cut.supplierId)?.convertedTotal ?? String(cut.fromPrice);
    // the bisection's price is a double; rounded down to the currency's minor unit (cents) it still wins (a lower price only helps)
    const to =
      cut.cut === 0 ? new Decimal(from) : Decimal.min(new Decimal(from), new Decimal(cut.toPrice).toDecimalPlaces(minorUnits(b.baseCurrency), Decimal.ROUND_DOWN));
    const amount = new Decimal(from).minus(to);
    priceCutToWin = {
      supplierId: cut.supplierId,
      supplierName: suppliers.get(cut.supplierId) ?? null,
      criterionId: cut.criterionId,
      currency: b.baseCurrency,
      fromPrice: money(from, b.baseCurrency),
      toPrice: money(to, b.baseCurrency),
      cut: money(amount, b.baseCurrency),
      percent: amount.div(from).times(100).toNumber(),
    };
  }
  return {
    caseId: b.caseId,
    asOf: b.asOf,
    threshold,
    winner: s.winner,
    winnerName: s.winner ? (suppliers.get(s.winner) ?? null) : null,
    runnerUp: s.runnerUp,
    runnerUpName: s.runnerUp ? (suppliers.get(s.runnerUp) ?? null) : null,
    criteria: s.criteria.map((c) => ({
      criterionId: c.criterionId,
      name: names.get(c.criterionId) ?? null,
      delta: c.delta,
      percent: c.percent,
      feasible: c.feasible,
      overtakenBy: c.overtakenBy,
      overtakenByName: c.overtakenBy ? (suppliers.get(c.overtakenBy) ?? null) : null,
      shownChange: c.shownChange,
      shownOvertakenBy: c.shownOvertakenBy,
    })),
    mostCritical: s.mostCritical,
    priceCutToWin,
    sensitive: s.sensitive,
    closeCall: closeCall(priceCutToWin === null ? null : priceCutToWin.percent, closeCallPercent),
    scoreChanges: s.scoreChanges.map((c) => ({ criterionId: c.criterionId, supplierId: c.supplierId, change: c.change })),
    gap: s.gap,
  };
}

/** `value` and everything it holds, frozen (plain objects and arrays: a view). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
