import { BuiltFromReads, RenderedBodies } from './rendered-bodies';

describe('RenderedBodies', () => {
  it('renders a body once per ETag and answers the kept bytes after', () => {
    const bodies = new RenderedBodies(1000);
    let renders = 0;
    const render = () => {
      renders += 1;
      return Buffer.from('{"a":1}');
    };
    expect(bodies.get('"x"', render).toString()).toBe('{"a":1}');
    expect(bodies.get('"x"', render).toString()).toBe('{"a":1}');
    expect(renders).toBe(1);
    expect(bodies.size).toBe(7);
  });

  it('keeps within its byte budget, the least recently used out first, and keeps nothing larger than the budget', () => {
    const bodies = new RenderedBodies(10);
    const body = (text: string) => () => Buffer.from(text);
    bodies.get('a', body('aaaa'));
    bodies.get('b', body('bbbb'));
    bodies.get('a', body('never'));
    bodies.get('c', body('cccc'));
    expect(bodies.size).toBe(8);
    // b was least recently used: rendered again; a and c kept
    expect(bodies.get('a', body('other')).toString()).toBe('aaaa');
    expect(bodies.get('c', body('other')).toString()).toBe('cccc');
    expect(bodies.get('b', body('BBBB')).toString()).toBe('BBBB');
    expect(bodies.get('big', body('x'.repeat(11))).length).toBe(11);
    expect(bodies.get('big', body('y'.repeat(11))).toString()).toBe('y'.repeat(11));
    expect(bodies.size).toBeLessThanOrEqual(10);
  });
});

describe('BuiltFromReads', () => {
  const B = { snapshot: '10:10:', roundId: 'r1', server: 's1' };
  it('gives the ETag kept for reads equal character for character, per representation, and nothing for other reads', () => {
    const built = new BuiltFromReads(1000);
    built.remember('case-1', ['{"a":1}', '[]', '[]'], B, 'json', '"e1"');
    // equal text, but another string object (as every answer of PostgreSQL is)
    expect(built.get('case-1', ['{"a":' + String(1) + '}', '[]', '[]'], B, 'json')).toBe('"e1"');
    expect(built.get('case-1', ['{"a":1}', '[]', '[]'], B, 'csv')).toBeUndefined();
    expect(built.get('case-1', ['{"a":2}', '[]', '[]'], B, 'json')).toBeUndefined();
    expect(built.get('case-1', ['{"a":1}', '[]', '[ ]'], B, 'json')).toBeUndefined();
    expect(built.get('case-2', ['{"a":1}', '[]', '[]'], B, 'json')).toBeUndefined();
    built.remember('case-1', ['{"a":1}', '[]', '[]'], B, 'csv', '"c1"');
    expect(built.get('case-1', ['{"a":1}', '[]', '[]'], B, 'csv')).toBe('"c1"');
    // new reads of the case replace the old, with their ETags
    built.remember('case-1', ['{"a":2}', '[]', '[]'], B, 'json', '"e2"');
    expect(built.get('case-1', ['{"a":2}', '[]', '[]'], B, 'json')).toBe('"e2"');
    expect(built.get('case-1', ['{"a":2}', '[]', '[]'], B, 'csv')).toBeUndefined();
    expect(built.get('case-1', ['{"a":1}', '[]', '[]'], B, 'json')).toBeUndefined();
  });

  it('keeps within its character budget, the least recently used case first out', () => {
    const built = new BuiltFromReads(20);
    built.remember('a', ['x'.repeat(8)], B, 'json', '"a"');
    built.remember('b', ['y'.repeat(8)], B, 'json', '"b"');
    expect(built.get('a', ['x'.repeat(8)], B, 'json')).toBe('"a"');
    built.remember('c', ['z'.repeat(8)], B, 'json', '"c"');
    expect(built.get('b', ['y'.repeat(8)], B, 'json')).toBeUndefined();
    expect(built.get('a', ['x'.repeat(8)], B, 'json')).toBe('"a"');
    expect(built.get('c', ['z'.repeat(8)], B, 'json')).toBe('"c"');
    built.remember('d', ['w'.repeat(21)], B, 'json', '"d"');
    expect(built.get('d', ['w'.repeat(21)], B, 'json')).toBeUndefined();
  });

  it('gives what was made from the kept reads by their basis, the same object only, and moves the basis to the newest reads equal to them', () => {
    const built = new BuiltFromReads<string, { snapshot: string }>(1000);
    const first = { snapshot: '10:10:' };
    expect(built.basis('case-1')).toBeUndefined();
    built.remember('case-1', ['{"a":1}'], first, 'json', '"e1"');
    expect(built.basis('case-1')).toBe(first);
    expect(built.made('case-1', first, 'json')).toBe('"e1"');
    expect(built.made('case-1', first, 'csv')).toBeUndefined();
    // an equal basis that is not the kept one: the entry may have been replaced since it was checked
    expect(built.made('case-1', { snapshot: '10:10:' }, 'json')).toBeUndefined();
    // the same reads read again later: the later snapshot is kept with them
    const later = { snapshot: '12:12:' };
    expect(built.get('case-1', ['{"a":1}'], later, 'json')).toBe('"e1"');
    expect(built.basis('case-1')).toBe(later);
    expect(built.made('case-1', first, 'json')).toBeUndefined();
    // other reads: their own basis, the old answers gone
    const other = { snapshot: '14:14:' };
    expect(built.get('case-1', ['{"a":2}'], other, 'json')).toBeUndefined();
    expect(built.basis('case-1')).toBe(later);
    built.remember('case-1', ['{"a":2}'], other, 'json', '"e2"');
    expect(built.basis('case-1')).toBe(other);
    expect(built.made('case-1', other, 'json')).toBe('"e2"');
  });
});
