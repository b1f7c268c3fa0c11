import { checkAgainstHeads } from './chain-head';

const intact = { valid: true, length: 5, headHash: 'h5', firstBrokenSeq: null };

describe('checkAgainstHeads', () => {
  it('a chain as long as its recorded heads is intact', () => {
    expect(checkAgainstHeads(intact, [{ seq: 5, hash: 'h5' }, { seq: 5, hash: 'h5' }])).toEqual({ ...intact, truncated: false, expectedLength: 5 });
  });

  it('a chain shorter than its head lost its tail: invalid, truncated, the first missing event named', () => {
    expect(checkAgainstHeads({ ...intact, length: 4, headHash: 'h4' }, [{ seq: 5, hash: 'h5' }, null])).toEqual({
      valid: false,
      length: 4,
      headHash: 'h4',
      firstBrokenSeq: 5,
      truncated: true,
      expectedLength: 5,
    });
  });

  it('the longer head counts: a head rewound on the case row is still found in the organization trail', () => {
    expect(checkAgainstHeads({ ...intact, length: 4, headHash: 'h4' }, [{ seq: 4, hash: 'h4' }, { seq: 5, hash: 'h5' }])).toMatchObject({ valid: false, truncated: true });
  });

  it('a head whose hash is not the chain end is invalid too', () => {
    expect(checkAgainstHeads(intact, [{ seq: 5, hash: 'other' }])).toMatchObject({ valid: false, truncated: false, firstBrokenSeq: 5 });
  });

  it('an empty chain with no head recorded (genesis) is intact', () => {
    expect(checkAgainstHeads({ valid: true, length: 0, headHash: '0', firstBrokenSeq: null }, [{ seq: 0, hash: '0' }, null])).toMatchObject({ valid: true });
  });
});
