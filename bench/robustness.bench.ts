import { createHash } from 'node:crypto';
import { assembleMatrixInput, type EffectiveCriterion, type OfferValues } from '../src/domain/evaluation/matrix-input';
import { type ScoreRecord, summarizeAll } from '../src/domain/evaluation/scores';
import { type CriterionSource, type Direction, type Normalization, normalizeWeights, rankAcceptability, type RobustnessInput } from '../src/domain/scoring';
import { medianMs } from './util';

/**
 * Rank acceptability (SMAA-2), the pure function alone: 10,000 draws of weights (±25 %) and of the
 * evaluators' scores (bootstrap where they disagree), ranked and tallied, plus the confidence
 * factors; for 50 suppliers × 15 criteria (target under 100 ms) and 200 × 40. Medians of repeated
 * runs on the same deterministic case.
 */
export async function run(): Promise<void> {
  console.log('rankAcceptability, pure function, 10,000 draws, spread 0.25, median ms (wall and CPU)');
  for (const [suppliers, criteria, runs] of [
    [50, 15, 15],
    [200, 40, 5],
  ] as const) {
    const { input, evaluatorCriteria, evaluators } = problem(suppliers, criteria);
    const seed = createHash('sha256').update(`bench:${suppliers}:${criteria}`).digest('hex');
    const shape = `${String(suppliers).padStart(3)} suppliers × ${String(criteria).padStart(2)} criteria`;
    for (const [label, robustnessInput] of [
      [`${evaluatorCriteria} scored by ${evaluators} evaluators who disagree (bootstrap)`, input],
      ['evaluators agree (weights drawn only)', { ...input, evaluatorScores: undefined }],
    ] as const) {
      let result = rankAcceptability(robustnessInput, { samples: 10_000, spread: 0.25, seed });
      const cpu: number[] = [];
      const ms = await medianMs(() => {
        const start = process.cpuUsage();
        result = rankAcceptability(robustnessInput, { samples: 10_000, spread: 0.25, seed });
        const used = process.cpuUsage(start);
        cpu.push((used.user + used.system) / 1000);
      }, runs);
      cpu.sort((a, b) => a - b);
      const winners = result.suppliers.filter((s) => s.firstRank > 0).length;
      console.log(
        `  ${shape}, ${label.padEnd(58)} ${ms.toFixed(1).padStart(7)} ms wall, ${cpu[Math.floor(cpu.length / 2)].toFixed(1).padStart(7)} ms CPU` +
          `  (${winners} ever first; top first-rank share ${result.suppliers[0].firstRank.toFixed(3)})`,
      );
    }
  }
  // how fast this machine is at plain arithmetic, to read the figures above against another machine
  const start = process.cpuUsage();
  let sum = 0;
  for (let i = 0; i < 100_000_000; i++) sum += i * 0.5;
  const used = process.cpuUsage(start);
  console.log(`  calibration: a plain multiply-add loop takes ${((used.user + used.system) / 100_000).toFixed(2)} ns CPU per iteration here (${sum > 0 ? 'ok' : ''})`);
}

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same case. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A case shaped like bench/matrix: price, lead time, warranty, payment days, reliability, then
 * evaluator-scored criteria (a third of the rest) and offer values; 5 evaluators who disagree.
 * Suppliers are close to each other (prices within ±10 %, scores around 7) so that several of them
 * win some draws, which is the expensive case for the confidence factors.
 */
export function problem(supplierCount: number, criterionCount: number): { input: RobustnessInput; evaluatorCriteria: number; evaluators: number } {
  const EVALUATORS = 5;
  const random = prng(supplierCount * 1000 + criterionCount);
  const rest = criterionCount - 5;
  const scored = Math.round(rest / 3);
  const shapes: Array<{ source: CriterionSource; direction: Direction; normalization: Normalization }> = [
    { source: 'offer.price', direction: 'lower_is_better', normalization: 'ratio' },
    { source: 'offer.leadTimeDays', direction: 'lower_is_better', normalization: 'minmax' },
    { source: 'offer.warrantyMonths', direction: 'higher_is_better', normalization: 'ratio' },
    { source: 'offer.paymentDays', direction: 'higher_is_better', normalization: 'ratio' },
    { source: 'reliability', direction: 'higher_is_better', normalization: 'scale' },
    ...Array.from({ length: scored }, () => ({ source: 'evaluator' as const, direction: 'higher_is_better' as const, normalization: 'scale' as const })),
    ...Array.from({ length: rest - scored }, (_, i) => ({
      source: 'offer.value' as const,
      direction: (i % 2 ? 'higher_is_better' : 'lower_is_better') as Direction,
      normalization: (i % 3 ? 'ratio' : 'minmax') as Normalization,
    })),
  ];
  const weights = normalizeWeights(shapes.map(() => 1 + random() * 9));
  const criteria: EffectiveCriterion[] = shapes.map((s, k) => ({ id: `c${k}`, ...s, weight: weights[k] }));
  const offers: OfferValues[] = Array.from({ length: supplierCount }, (_, j) => ({
    supplierId: `s${String(j).padStart(3, '0')}`,
    convertedTotal: (90_000 + random() * 20_000).toFixed(2),
    leadTimeDays: 20 + Math.floor(random() * 20),
    warrantyMonths: 24 + Math.floor(random() * 12),
    paymentDays: 30 + Math.floor(random() * 30),
    compliance: [],
    values: criteria.filter((c) => c.source === 'offer.value').map((c) => ({ criterionId: c.id, value: 40 + random() * 20 })),
  }));
  const scores: ScoreRecord[] = [];
  for (const c of criteria.filter((k) => k.source === 'evaluator')) {
    for (const o of offers) {
      for (let e = 0; e < EVALUATORS; e++) {
        scores.push({ evaluatorId: `e${e}`, supplierId: o.supplierId, criterionId: c.id, score: Math.min(10, 5 + random() * 4).toFixed(2) });
      }
    }
  }
  const reliability = new Map(offers.map((o) => [o.supplierId, 60 + random() * 30]));
  const matrix = assembleMatrixInput({ criteria, requirements: [], offers, reliability, scores: summarizeAll(scores), certifications: new Map(), asOf: '2026-06-01' });
  const evaluatorScores: Record<string, Record<string, number[]>> = {};
  for (const s of scores) ((evaluatorScores[s.criterionId] ??= {})[s.supplierId] ??= []).push(Number(s.score));
  return { input: { ...matrix, evaluatorScores }, evaluatorCriteria: scored, evaluators: EVALUATORS };
}
