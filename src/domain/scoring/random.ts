import { DomainError } from '../errors';

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
  /** Fills `out` with the next `out.length` values of next(), in order (the fast path for many draws). */
  fill(out: Float64Array): void;
}

const TWO_TO_32 = 4294967296;

export function seededRandom(seed: string): SeededRandom {
  if (!/^[0-9a-f]{32,}$/i.test(seed)) {
    throw new DomainError('POLICY_INVALID', 'The random seed must be at least 32 hexadecimal digits', { seed });
  }
  const words = [0, 1, 2, 3].map((i) => parseInt(seed.slice(8 * i, 8 * i + 8), 16) | 0);
  // the all-zero state is the generator's one fixed point
  if ((words[0] | words[1] | words[2] | words[3]) === 0) words[0] = 1;
  return new Xoshiro128StarStar(words);
}

class Xoshiro128StarStar implements SeededRandom {
  // the state lives in a typed array: 32-bit words held in object fields or closure variables do
  // not fit a small integer and are boxed on every step (several times slower)
  private readonly s: Int32Array;

  constructor(words: number[]) {
    this.s = Int32Array.from(words);
  }

  nextUint32(): number {
    const s = this.s;
    const m = Math.imul(s[1], 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = (s[3] << 11) | (s[3] >>> 21);
    return result;
  }

  next(): number {
    return this.nextUint32() / TWO_TO_32;
  }

  index(n: number): number {
    return Math.floor((this.nextUint32() * n) / TWO_TO_32);
  }

  fill(out: Float64Array): void {
    // the same steps as nextUint32, on local variables
    let s0 = this.s[0];
    let s1 = this.s[1];
    let s2 = this.s[2];
    let s3 = this.s[3];
    for (let i = 0; i < out.length; i++) {
      const m = Math.imul(s1, 5);
      out[i] = (Math.imul((m << 7) | (m >>> 25), 9) >>> 0) / TWO_TO_32;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    this.s[0] = s0;
    this.s[1] = s1;
    this.s[2] = s2;
    this.s[3] = s3;
  }
}
