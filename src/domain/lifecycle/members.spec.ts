import { changeRoles, unchanged } from './members';

describe('changeRoles', () => {
  it('adds by merging: a member re-added with other roles keeps the roles they had', () => {
    expect(changeRoles(['evaluator'], ['decider'], 'add')).toEqual({ roles: ['evaluator', 'decider'], added: ['decider'], removed: [] });
  });

  it('re-adding the same roles changes nothing', () => {
    const change = changeRoles(['buyer', 'evaluator'], ['evaluator'], 'add');
    expect(change).toEqual({ roles: ['buyer', 'evaluator'], added: [], removed: [] });
    expect(unchanged(change)).toBe(true);
  });

  it('replaces: the roles become exactly the wanted ones, naming what was removed', () => {
    expect(changeRoles(['buyer', 'evaluator'], ['evaluator', 'gatekeeper'], 'replace')).toEqual({
      roles: ['evaluator', 'gatekeeper'],
      added: ['gatekeeper'],
      removed: ['buyer'],
    });
  });

  it('a new member gets every wanted role as added, in the table order', () => {
    expect(changeRoles(null, ['approver', 'prescriber'], 'add')).toEqual({ roles: ['prescriber', 'approver'], added: ['prescriber', 'approver'], removed: [] });
  });
});
