import { ScoringError } from './types';

/**
 * A seeded pseudo-random generator for the rank acceptability draws: xoshiro128** (Blackman &
 * Vigna 2018), 128 bits of state, full period 2^128 − 1, fast in plain 32-bit integer arithmetic.
 * Seeded from a hexadecimal hash (the decision snapshot's SHA-256): its first 32 hex digits are the
 * four state words, big-endian. The same seed gives the same sequence on every machine, so the
 * figures it produces are reproducible from the seed alone.
 */
export interface SeededRandom {
  /** The next 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform in [0, 1), in steps of 2^-32. */
  next(): number;
  /** Uniform integer in 0 … n − 1 (n ≤ 2^21, so that u32 · n stays exact). */
  index(n: number): number;
}

const TWO_TO_32 = 4294967296;

export function seededRandom(seed: string): SeededRandom {
  if (!/^[0-9a-f]{32,}$/i.test(seed)) {
    throw new ScoringError('POLICY_INVALID', 'The random seed must be at least 32 hexadecimal digits', { seed });
  }
  let s0 = parseInt(seed.slice(0, 8), 16) | 0;
  let s1 = parseInt(seed.slice(8, 16), 16) | 0;
  let s2 = parseInt(seed.slice(16, 24), 16) | 0;
  let s3 = parseInt(seed.slice(24, 32), 16) | 0;
  // the all-zero state is the generator's one fixed point
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;

  const nextUint32 = (): number => {
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  };
  return {
    nextUint32,
    next: () => nextUint32() / TWO_TO_32,
    index: (n: number) => Math.floor((nextUint32() * n) / TWO_TO_32),
  };
}
