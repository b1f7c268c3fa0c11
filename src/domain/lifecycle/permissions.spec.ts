import { type DomainError } from '../errors';
import { assertAllowed } from './permissions';

const refusal = (run: () => void): DomainError => {
  try {
    run();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a refusal');
};

describe('assertAllowed: a case action', () => {
  it('passes the right role at the right stage', () => {
    expect(() => assertAllowed('specification.write', 'SPECIFICATION', { isAdmin: false, roles: ['prescriber'] })).not.toThrow();
  });

  it('answers NOT_FOUND to someone with no part in the case, saying nothing about it', () => {
    const e = refusal(() => assertAllowed('specification.write', 'SPECIFICATION', { isAdmin: false, roles: [] }));
    expect([e.code, e.message, e.details]).toEqual(['NOT_FOUND', 'case not found', {}]);
  });

  it('answers FORBIDDEN to a member without the role, naming the action', () => {
    const e = refusal(() => assertAllowed('specification.write', 'SPECIFICATION', { isAdmin: false, roles: ['buyer'] }));
    expect([e.code, e.message, e.details]).toEqual(['FORBIDDEN', 'specification.write needs one of the roles prescriber', { action: 'specification.write' }]);
  });

  it('answers STAGE_NOT_ALLOWED to the right role at the wrong stage, naming action and stage', () => {
    const e = refusal(() => assertAllowed('specification.write', 'NEED', { isAdmin: false, roles: ['prescriber'] }));
    expect(e.code).toBe('STAGE_NOT_ALLOWED');
    expect(e.details).toEqual({ action: 'specification.write', stage: 'NEED' });
  });

  it('answers CASE_READ_ONLY to a write on an AWARDED case', () => {
    expect(refusal(() => assertAllowed('specification.write', 'AWARDED', { isAdmin: false, roles: ['prescriber'] })).code).toBe('CASE_READ_ONLY');
  });

  it('answers CASE_READ_ONLY to a write on a CANCELLED case', () => {
    expect(refusal(() => assertAllowed('performance.record', 'CANCELLED', { isAdmin: false, roles: ['buyer'] })).code).toBe('CASE_READ_ONLY');
  });

  it('answers STAGE_NOT_ALLOWED to a read that is not open yet (rounds before NEGOTIATION)', () => {
    expect(refusal(() => assertAllowed('rounds.read', 'NEED', { isAdmin: false, roles: ['buyer'] })).code).toBe('STAGE_NOT_ALLOWED');
  });

  it('lets an admin with no role read a case but not act as a case role', () => {
    expect(() => assertAllowed('case.read', 'DECISION', { isAdmin: true, roles: [] })).not.toThrow();
    expect(refusal(() => assertAllowed('decision.propose', 'DECISION', { isAdmin: true, roles: [] })).code).toBe('FORBIDDEN');
  });
});

describe('assertAllowed: an organization action', () => {
  it('lets an admin write the registry', () => {
    expect(() => assertAllowed('registry.write', null, { isAdmin: true, roles: [] })).not.toThrow();
  });

  it('lets a member who is a buyer on some case write the registry', () => {
    expect(() => assertAllowed('registry.write', null, { isAdmin: false, roles: ['evaluator', 'buyer'] })).not.toThrow();
  });

  it('refuses the registry to a member without the buyer role anywhere (403 with the reason)', () => {
    const e = refusal(() => assertAllowed('registry.write', null, { isAdmin: false, roles: ['evaluator'] }));
    expect([e.code, e.message, e.details]).toEqual([
      'FORBIDDEN',
      'changing the supplier registry needs the admin role or the buyer role on a case',
      { action: 'registry.write' },
    ]);
  });

  it('keeps user management and the policy to admins, whatever case roles a member holds', () => {
    expect(() => assertAllowed('users.manage', null, { isAdmin: true, roles: [] })).not.toThrow();
    expect(refusal(() => assertAllowed('users.manage', null, { isAdmin: false, roles: ['buyer'] })).message).toBe('this needs the admin role');
    expect(refusal(() => assertAllowed('policy.write', null, { isAdmin: false, roles: ['buyer', 'approver'] })).code).toBe('FORBIDDEN');
  });
});
