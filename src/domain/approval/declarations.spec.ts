import { declarationBar } from './declarations';

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
