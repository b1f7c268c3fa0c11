import { declarationBar, declarationControl } from './declarations';

describe('declarationBar', () => {
  const shortlisted = ['s1', 's2'];

  it('asks for a declaration first', () => {
    expect(declarationBar('score', [], shortlisted)).toMatchObject({ code: 'DECLARATION_MISSING' });
  });

  it('lets someone act who declared no conflict', () => {
    expect(declarationBar('score', [{ conflict: false, supplierId: null }], shortlisted)).toBeNull();
  });

  it('bars someone with a declared conflict with a shortlisted supplier, naming it', () => {
    expect(declarationBar('sign', [{ conflict: false, supplierId: null }, { conflict: true, supplierId: 's2' }], shortlisted)).toMatchObject({
      code: 'CONFLICT_OF_INTEREST',
      supplierIds: ['s2'],
    });
  });

  it('a conflict with a supplier no longer shortlisted does not bar', () => {
    expect(declarationBar('propose', [{ conflict: true, supplierId: 's9' }], shortlisted)).toBeNull();
  });
});

describe('declarationControl (the report\'s controls)', () => {
  const members = [
    { userId: 'u1', name: 'Eva', roles: ['evaluator' as const] },
    { userId: 'u2', name: 'Dora', roles: ['decider' as const] },
    { userId: 'u3', name: 'Alma', roles: ['approver' as const] },
    { userId: 'u4', name: 'Bea', roles: ['buyer' as const] },
  ];
  const names = (id: string) => ({ s1: 'Atlas', s2: 'Boreal' })[id] ?? id;

  it('counts only evaluators, deciders and approvers, and names who has not declared', () => {
    const control = declarationControl(true, members, [{ userId: 'u1', userName: 'Eva', conflict: false, supplierId: null }], new Map(), names);
    expect(control).toEqual({ required: true, expected: 3, missing: ['Dora', 'Alma'], conflicts: [] });
  });

  it('lists each conflict, barred while its supplier is shortlisted', () => {
    const declarations = [
      { userId: 'u1', userName: 'Eva', conflict: true, supplierId: 's1' },
      { userId: 'u2', userName: 'Dora', conflict: true, supplierId: 's2' },
      { userId: 'u3', userName: 'Alma', conflict: false, supplierId: null },
    ];
    const control = declarationControl(true, members, declarations, new Map([['s1', 'Atlas']]), names);
    expect(control.missing).toEqual([]);
    expect(control.conflicts).toEqual([
      { name: 'Eva', supplierName: 'Atlas', barred: true },
      { name: 'Dora', supplierName: 'Boreal', barred: false },
    ]);
  });
});
