import { RenderedBodies } from './rendered-bodies';

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
