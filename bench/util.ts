import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** Median of `runs` timings (ms) after `warmup` untimed runs. */
export async function medianMs(fn: () => unknown | Promise<unknown>, runs = 7, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/**
 * The median time of one call of `fn` (ms), each of the `runs` samples timing as many calls in a
 * row as fill `minSampleMs` (at least one): a point of a few microseconds is then measured over
 * many calls instead of near the timer's resolution and a single call's noise.
 */
export async function medianMsPerCall(fn: () => unknown, runs = 9, minSampleMs = 20): Promise<number> {
  // warm-up for at least 50 ms and 3 calls (the JIT settles), which also tells how many calls fill a sample
  let warm = 0;
  const warmStart = performance.now();
  while (warm < 3 || performance.now() - warmStart < 50) {
    fn();
    warm += 1;
  }
  const perCall = (performance.now() - warmStart) / warm;
  const calls = Math.max(1, Math.ceil(minSampleMs / perCall));
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) fn();
    times.push((performance.now() - start) / calls);
  }
  times.sort((a, b) => a - b);
  return Promise.resolve(times[Math.floor(times.length / 2)]);
}

/** Peak resident memory growth (MiB) while `fn` runs, sampled every 5 ms. */
export async function peakRssMiB<T>(fn: () => Promise<T>): Promise<{ result: T; peakMiB: number; baseMiB: number }> {
  global.gc?.();
  const baseMiB = process.memoryUsage().rss / 2 ** 20;
  let peak = baseMiB;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss / 2 ** 20);
  }, 5);
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().rss / 2 ** 20);
    return { result, peakMiB: peak, baseMiB };
  } finally {
    clearInterval(timer);
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** One issue-17 target as a section measured it: its figure, the ceiling it is held against and the ratio. */
export interface TargetRow {
  target: string;
  figure: string;
  ceiling: string;
  /** the number the goal reads (a ratio, or milliseconds, or an exponent) */
  value: number;
  goal: string;
  met: boolean;
}

const targets: TargetRow[] = [];

/** Records a target's row for the table `npm run bench` prints at the end (bench/run.ts). */
export function recordTarget(row: TargetRow): void {
  targets.push(row);
}

/** The targets the sections that ran have recorded, in the order they ran. */
export function recordedTargets(): readonly TargetRow[] {
  return targets;
}

/**
 * The least-squares slope of log(time) against log(size): time ∝ size^exponent. 1 is linear growth;
 * the fit needs at least two distinct sizes.
 */
export function growthExponent(points: ReadonlyArray<{ size: number; ms: number }>): number {
  const xs = points.map((p) => Math.log(p.size));
  const ys = points.map((p) => Math.log(p.ms));
  const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
  const my = ys.reduce((s, y) => s + y, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  return sxy / sxx;
}

/** The sizes (suppliers × criteria) the growth fit is measured at, 5 × 10 to 200 × 40. */
export const GROWTH_SIZES: ReadonlyArray<{ suppliers: number; criteria: number }> = [
  { suppliers: 5, criteria: 10 },
  { suppliers: 20, criteria: 10 },
  { suppliers: 50, criteria: 20 },
  { suppliers: 100, criteria: 30 },
  { suppliers: 200, criteria: 40 },
];

/** Median of a list (the upper middle for an even count). */
export function median(xs: readonly number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

/**
 * CPU time (ms) of the embedded PostgreSQL so far: the postmaster and every process it started
 * (backends, WAL writer, checkpointer), from /proc; `dataDir` is the folder of its postmaster.pid;
 * null where /proc is not there.
 */
export function postgresCpuMs(dataDir: string): number | null {
  try {
    const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    let ticks = 0;
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // ended meanwhile
      }
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from the 3rd (state) on
      if (Number(pid) !== postmaster && Number(fields[1]) !== postmaster) continue;
      ticks += Number(fields[11]) + Number(fields[12]); // utime + stime
    }
    return ticks * 10; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}
