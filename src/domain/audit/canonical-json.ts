import { createHash } from 'node:crypto';

/**
 * Canonical JSON: object keys sorted, no whitespace, undefined dropped. The same value always gives
 * the same text, so its SHA-256 can be signed and re-checked.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('non-finite number in canonical JSON');
    return JSON.stringify(value) ?? 'null';
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainLink {
  caseId: string;
  seq: number;
  actorId: string | null;
  action: string;
  data: unknown;
  createdAt: string;
  prevHash: string;
}

export function linkHash(link: ChainLink): string {
  return sha256(canonicalJson(link));
}

export interface ChainCheck {
  valid: boolean;
  length: number;
  headHash: string;
  firstBrokenSeq: number | null;
}

/** Walks the chain in order: each event must point at the previous hash and hash to its own. */
export function verifyChain(events: Array<ChainLink & { hash: string }>): ChainCheck {
  let prev = GENESIS_HASH;
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    const { hash, ...link } = event;
    if (event.seq !== i + 1 || event.prevHash !== prev || linkHash(link) !== hash) {
      return { valid: false, length: events.length, headHash: events[events.length - 1].hash, firstBrokenSeq: event.seq };
    }
    prev = hash;
  }
  return { valid: true, length: events.length, headHash: prev, firstBrokenSeq: null };
}
