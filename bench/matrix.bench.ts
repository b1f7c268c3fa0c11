import { assembleMatrixInput, type EffectiveCriterion, type OfferValues } from '../src/domain/evaluation/matrix-input';
import { type ScoreRecord, summarizeAll } from '../src/domain/evaluation/scores';
import { type CriterionSource, decisionMatrix, type Direction, type Normalization, normalizeWeights, sensitivity } from '../src/domain/scoring';
import { growthExponent, GROWTH_SIZES, medianMs, medianMsPerCall, recordTarget } from './util';

/**
 * The decision matrix's pure core: evaluator means from 5 scores each, `decisionMatrix` and
 * `sensitivity` for 200 suppliers × 40 criteria (median of repeated runs). `GET /matrix` over HTTP
 * is measured by the http bench, against a trivial endpoint of the same app.
 */
export async function run(): Promise<void> {
  await pure();
  await pureGrowth();
}

/**
 * The pure core's growth (matrix input, decisionMatrix, sensitivity) at 5 × 10 … 200 × 40, fitted on log-log: what the HTTP fit's
 * fixed costs hide. Every point is the median of samples of many calls each (`medianMsPerCall`), none dropped.
 */
async function pureGrowth(): Promise<void> {
  const matrix: Array<{ size: number; ms: number }> = [];
  const sens: Array<{ size: number; ms: number }> = [];
  for (const { suppliers, criteria } of GROWTH_SIZES) {
    const { input, assemble } = problem(suppliers, criteria);
    // the service takes the means from the database's aggregate: the input from summaries, then the matrix;
    // each sample times enough calls in a row to fill 20 ms, so the 5 × 10 point is not read near the timer's resolution
    matrix.push({ size: suppliers * criteria, ms: await medianMsPerCall(() => decisionMatrix(assemble()), 9) });
    sens.push({ size: suppliers * criteria, ms: await medianMsPerCall(() => sensitivity(input), 7) });
  }
  for (const [name, points] of [
    ['matrix (input + decisionMatrix)', matrix],
    ['sensitivity', sens],
  ] as const) {
    const exponent = growthExponent(points);
    const shown = points.map((p, i) => `${GROWTH_SIZES[i].suppliers}×${GROWTH_SIZES[i].criteria} ${p.ms.toFixed(2)} ms`).join(', ');
    console.log(`pure core growth, ${name}: ${shown}; exponent ${exponent.toFixed(3)} (target ≤ 1.1)`);
    recordTarget({ target: `6 growth pure ${name.split(' ')[0]}, 5×10 → 200×40`, figure: `${points[points.length - 1].ms.toFixed(2)} ms at 200×40`, ceiling: `${points[0].ms.toFixed(2)} ms at 5×10`, value: exponent, goal: 'exponent ≤ 1.1', met: exponent <= 1.1 });
  }
}

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same matrix. */
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

/** A deterministic problem of `suppliers` × `criteria` with 5 evaluators' scores on the evaluator-scored criteria. */
function problem(SUPPLIERS: number, CRITERIA: number) {
  const EVALUATORS = 5;
  const random = prng(42);
  // 1 price, 3 offer fields, 1 reliability, 15 evaluator-scored, then offer values
  const all: Array<{ source: CriterionSource; direction: Direction; normalization: Normalization }> = [
    { source: 'offer.price', direction: 'lower_is_better', normalization: 'ratio' },
    { source: 'offer.leadTimeDays', direction: 'lower_is_better', normalization: 'minmax' },
    { source: 'offer.warrantyMonths', direction: 'higher_is_better', normalization: 'ratio' },
    { source: 'offer.paymentDays', direction: 'higher_is_better', normalization: 'ratio' },
    { source: 'reliability', direction: 'higher_is_better', normalization: 'scale' },
    ...Array.from({ length: 15 }, () => ({ source: 'evaluator' as const, direction: 'higher_is_better' as const, normalization: 'scale' as const })),
    ...Array.from({ length: Math.max(0, CRITERIA - 20) }, (_, i) => ({
      source: 'offer.value' as const,
      direction: (i % 2 ? 'higher_is_better' : 'lower_is_better') as Direction,
      normalization: (i % 3 ? 'ratio' : 'minmax') as Normalization,
    })),
  ];
  const shapes = all.slice(0, CRITERIA);
  const weights = normalizeWeights(shapes.map(() => 1 + random() * 9));
  const criteria: EffectiveCriterion[] = shapes.map((s, k) => ({ id: `c${k}`, ...s, weight: weights[k] }));
  const offers: OfferValues[] = Array.from({ length: SUPPLIERS }, (_, j) => ({
    supplierId: `s${String(j).padStart(3, '0')}`,
    convertedTotal: (50_000 + random() * 50_000).toFixed(2),
    leadTimeDays: 5 + Math.floor(random() * 60),
    warrantyMonths: 6 + Math.floor(random() * 54),
    paymentDays: 15 + Math.floor(random() * 75),
    compliance: [],
    values: criteria.filter((c) => c.source === 'offer.value').map((c) => ({ criterionId: c.id, value: 1 + random() * 99 })),
  }));
  const scores: ScoreRecord[] = [];
  for (const c of criteria.filter((k) => k.source === 'evaluator')) {
    for (const o of offers) {
      for (let e = 0; e < EVALUATORS; e++) {
        scores.push({ evaluatorId: `e${e}`, supplierId: o.supplierId, criterionId: c.id, score: (Math.round(random() * 1000) / 100).toFixed(2) });
      }
    }
  }
  const reliability = new Map(offers.map((o) => [o.supplierId, 40 + random() * 60]));
  const from = (summaries: ReturnType<typeof summarizeAll>) =>
    assembleMatrixInput({ criteria, requirements: [], offers, reliability, scores: summaries, certifications: new Map(), asOf: '2026-06-01' });
  const summaries = summarizeAll(scores);
  const build = () => from(summarizeAll(scores));
  return { scores, build, assemble: () => from(summaries), input: build(), EVALUATORS };
}

async function pure(): Promise<void> {
  const SUPPLIERS = 200;
  const CRITERIA = 40;
  const { scores, build, input, EVALUATORS } = problem(SUPPLIERS, CRITERIA);

  const means = await medianMs(() => summarizeAll(scores), 15);
  const assemble = await medianMs(build, 15);
  const matrix = await medianMs(() => decisionMatrix(input), 15);
  const sens = await medianMs(() => sensitivity(input), 7);
  console.log(`pure core, ${SUPPLIERS} suppliers × ${CRITERIA} criteria × ${EVALUATORS} evaluators (${scores.length} scores), median ms`);
  console.log(`  evaluator means (exact hundredths)        ${means.toFixed(2)} ms`);
  console.log(`  matrix input (means + requirement checks)  ${assemble.toFixed(2)} ms`);
  console.log(`  decisionMatrix                            ${matrix.toFixed(2)} ms`);
  console.log(`  sensitivity (incl. price-cut bisection)   ${sens.toFixed(2)} ms`);
}
