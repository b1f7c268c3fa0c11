import { type DomainError } from '../errors';
import { assertAllowed, caseRolesNotAllowed, ORG_ROLES } from './permissions';

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
    expect(() => assertAllowed('registry.write', null, { isAdmin: true, orgRoles: [] })).not.toThrow();
  });

  it('lets a member with the registry organization role write the registry', () => {
    expect(() => assertAllowed('registry.write', null, { isAdmin: false, orgRoles: ['registry'] })).not.toThrow();
  });

  it('refuses the registry to a member without the registry role, whatever else they hold (403 with the reason)', () => {
    const e = refusal(() => assertAllowed('registry.write', null, { isAdmin: false, orgRoles: ['procurement', 'approver'] }));
    expect([e.code, e.message, e.details]).toEqual([
      'FORBIDDEN',
      'changing the supplier registry needs the admin role or the registry organization role',
      { action: 'registry.write' },
    ]);
  });

  it('opens cases to procurement (and admins) only', () => {
    expect(() => assertAllowed('cases.create', null, { isAdmin: false, orgRoles: ['procurement'] })).not.toThrow();
    expect(refusal(() => assertAllowed('cases.create', null, { isAdmin: false, orgRoles: ['approver'] })).code).toBe('FORBIDDEN');
  });

  it('keeps user management, the policy and the organization trail to admins, whatever organization roles a member holds', () => {
    expect(() => assertAllowed('users.manage', null, { isAdmin: true, orgRoles: [] })).not.toThrow();
    expect(refusal(() => assertAllowed('users.manage', null, { isAdmin: false, orgRoles: ['registry'] })).message).toBe('this needs the admin role');
    expect(refusal(() => assertAllowed('policy.write', null, { isAdmin: false, orgRoles: [...ORG_ROLES] })).code).toBe('FORBIDDEN');
    expect(refusal(() => assertAllowed('audit.org', null, { isAdmin: false, orgRoles: [...ORG_ROLES] })).code).toBe('FORBIDDEN');
  });
});

describe('caseRolesNotAllowed: which case roles an organization role allows', () => {
  it('asks procurement of a buyer or initiator and approver of an approver; any user may hold the other roles', () => {
    expect(caseRolesNotAllowed(['buyer', 'approver', 'evaluator', 'initiator'], [])).toEqual([
      { role: 'buyer', needs: 'procurement' },
      { role: 'approver', needs: 'approver' },
      { role: 'initiator', needs: 'procurement' },
    ]);
    expect(caseRolesNotAllowed(['buyer', 'approver'], ['procurement', 'approver'])).toEqual([]);
    expect(caseRolesNotAllowed(['prescriber', 'evaluator', 'gatekeeper', 'decider'], [])).toEqual([]);
  });
});
