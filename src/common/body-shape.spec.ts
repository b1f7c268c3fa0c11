import { bodyShapeProblem, MAX_BODY_DEPTH } from './body-shape';

describe('the body shape check before validation', () => {
  it('passes ordinary bodies', () => {
    expect(bodyShapeProblem({ a: [{ b: 'text', c: 1 }], d: null })).toBeNull();
    expect(bodyShapeProblem(undefined)).toBeNull();
  });

  it('refuses nesting past the limit, iteratively (no stack overflow at 100,000 levels)', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(bodyShapeProblem(deep)?.message).toMatch(`${MAX_BODY_DEPTH} levels`);
    let ok: unknown = 1;
    for (let i = 0; i < MAX_BODY_DEPTH; i++) ok = [ok];
    expect(bodyShapeProblem(ok)).toBeNull();
  });

  it('names the field holding a NUL character', () => {
    expect(bodyShapeProblem({ criteria: [{ name: 'a\u0000b' }] })).toEqual({ field: 'criteria.0.name', message: 'must not contain NUL characters' });
  });
});
