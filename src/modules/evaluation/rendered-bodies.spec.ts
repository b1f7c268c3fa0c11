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
  it('gives the ETag kept for reads equal character for character, per representation, and nothing for other reads', () => {
    const built = new BuiltFromReads(1000);
    built.remember('case-1', ['{"a":1}', '[]', '[]'], 'json', '"e1"');
    // equal text, but another string object (as every answer of PostgreSQL is)
    expect(built.get('case-1', ['{"a":' + String(1) + '}', '[]', '[]'], 'json')).toBe('"e1"');
    expect(built.get('case-1', ['{"a":1}', '[]', '[]'], 'csv')).toBeUndefined();
    expect(built.get('case-1', ['{"a":2}', '[]', '[]'], 'json')).toBeUndefined();
    expect(built.get('case-1', ['{"a":1}', '[]', '[ ]'], 'json')).toBeUndefined();
    expect(built.get('case-2', ['{"a":1}', '[]', '[]'], 'json')).toBeUndefined();
    built.remember('case-1', ['{"a":1}', '[]', '[]'], 'csv', '"c1"');
    expect(built.get('case-1', ['{"a":1}', '[]', '[]'], 'csv')).toBe('"c1"');
    // new reads of the case replace the old, with their ETags
    built.remember('case-1', ['{"a":2}', '[]', '[]'], 'json', '"e2"');
    expect(built.get('case-1', ['{"a":2}', '[]', '[]'], 'json')).toBe('"e2"');
    expect(built.get('case-1', ['{"a":2}', '[]', '[]'], 'csv')).toBeUndefined();
    expect(built.get('case-1', ['{"a":1}', '[]', '[]'], 'json')).toBeUndefined();
  });

  it('keeps within its character budget, the least recently used case first out', () => {
    const built = new BuiltFromReads(20);
    built.remember('a', ['x'.repeat(8)], 'json', '"a"');
    built.remember('b', ['y'.repeat(8)], 'json', '"b"');
    expect(built.get('a', ['x'.repeat(8)], 'json')).toBe('"a"');
    built.remember('c', ['z'.repeat(8)], 'json', '"c"');
    expect(built.get('b', ['y'.repeat(8)], 'json')).toBeUndefined();
    expect(built.get('a', ['x'.repeat(8)], 'json')).toBe('"a"');
    expect(built.get('c', ['z'.repeat(8)], 'json')).toBe('"c"');
    built.remember('d', ['w'.repeat(21)], 'json', '"d"');
    expect(built.get('d', ['w'.repeat(21)], 'json')).toBeUndefined();
  });
});
