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
