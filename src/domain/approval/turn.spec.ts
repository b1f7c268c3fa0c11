import { nextInTurn } from './turn';

const alma = { name: 'Alma', executive: false };
const abel = { name: 'Abel', executive: false };
const xavi = { name: 'Xavi', executive: true };

describe('whose turn it is to sign', () => {
  it('two approvals plus an executive: the others first, in order, the executive last', () => {
    const chain = { required: 3, executiveRequired: true };
    expect(nextInTurn([abel, alma, xavi], chain, [])).toBe(abel);
    expect(nextInTurn([alma, xavi], chain, [abel])).toBe(alma);
    // two signed, one still needed and it must be the executive's
    expect(nextInTurn([xavi], chain, [abel, alma])).toBe(xavi);
  });

  it('the executive is asked as soon as theirs is the only signature the chain lacks', () => {
    // required 2 with an executive: after one ordinary signature the executive's is the missing one
    expect(nextInTurn([alma, xavi], { required: 2, executiveRequired: true }, [abel])).toBe(xavi);
  });

  it('no executive needed: an executive is asked only when nobody else is left', () => {
    expect(nextInTurn([xavi, alma], { required: 2, executiveRequired: false }, [])).toBe(alma);
    expect(nextInTurn([xavi], { required: 2, executiveRequired: false }, [abel])).toBe(xavi);
  });

  it('nobody may still sign: nobody is asked', () => {
    expect(nextInTurn([], { required: 1, executiveRequired: false }, [])).toBeNull();
  });
});
