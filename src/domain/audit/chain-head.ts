import { type ChainCheck } from './canonical-json';

/** The head of a chain as recorded elsewhere: on the case row, and in the organization trail. */
export interface RecordedHead {
  seq: number;
  hash: string;
}

export interface CaseChainCheck extends ChainCheck {
  /** the chain ends before a recorded head: its last events were removed */
  truncated: boolean;
  /** the length the recorded heads say the chain has */
  expectedLength: number;
}

/**
 * A chain that verifies link by link can still have lost its tail; the heads recorded with every
 * append (the case row's, the organization trail's last link for the case) say how long it was.
 * The longer of the two counts: a head rewound on the row is still found in the organization trail.
 */
export function checkAgainstHeads(chain: ChainCheck, heads: ReadonlyArray<RecordedHead | null>): CaseChainCheck {
  const recorded = heads.filter((h): h is RecordedHead => h !== null && h.seq > 0);
  const expected = recorded.reduce<RecordedHead | null>((a, h) => (a === null || h.seq > a.seq ? h : a), null);
  const expectedLength = Math.max(chain.length, expected?.seq ?? 0);
  const truncated = chain.length < expectedLength;
  const headMismatch = !truncated && expected !== null && expected.seq === chain.length && expected.hash !== chain.headHash;
  if (!truncated && !headMismatch) return { ...chain, truncated: false, expectedLength };
  return {
    ...chain,
    valid: false,
    truncated,
    expectedLength,
    // the first event missing (truncated), or the head that no longer matches
    firstBrokenSeq: chain.firstBrokenSeq ?? (truncated ? chain.length + 1 : chain.length),
  };
}
