import { approvalIneligibility, approvalRefusal, DEFAULT_SEGREGATION_POLICY } from './segregation';

const proposal = { proposedBy: 'dora' };
const approver = { userId: 'ann', roles: ['approver'] as const, actedAsBuyer: false };

describe('segregation of duties', () => {
  it('lets an approver who neither proposed nor bought sign', () => {
    expect(approvalIneligibility(approver, proposal)).toBeNull();
  });

  it('does not count on an approver who declared a conflict with a shortlisted supplier, unless the policy turns declarations off', () => {
    const conflicted = { ...approver, conflicted: true };
    expect(approvalIneligibility(conflicted, proposal)).toBe('you declared a conflict of interest with a shortlisted supplier of this case');
    // the signature's own refusal stays the declaration check's (CONFLICT_OF_INTEREST, naming the supplier)
    expect(approvalRefusal(conflicted, proposal)).toBeNull();
    expect(approvalIneligibility(conflicted, proposal, { ...DEFAULT_SEGREGATION_POLICY, conflictDeclarations: false })).toBeNull();
  });

  it('refuses someone who is not a member of the case', () => {
    expect(approvalIneligibility(undefined, proposal)).toBe('you are not an approver of this case');
  });

  it('refuses a member without the approver role', () => {
    expect(approvalIneligibility({ ...approver, roles: ['evaluator'] }, proposal)).toBe('you are not an approver of this case');
  });

  it('refuses the proposer, even holding the approver role', () => {
    expect(approvalIneligibility({ ...approver, userId: 'dora' }, proposal)).toBe('you proposed this decision and cannot approve it');
  });

  it('refuses a member who holds the buyer role', () => {
    expect(approvalIneligibility({ ...approver, roles: ['approver', 'buyer'] }, proposal)).toBe(
      'you are a buyer of this case and cannot approve its decision',
    );
  });

  it('refuses whoever ran the negotiation after giving the buyer role up', () => {
    expect(approvalIneligibility({ ...approver, actedAsBuyer: true }, proposal)).toBe('you are a buyer of this case and cannot approve its decision');
  });

  it('refuses the initiator, who raised the case, and says it is segregation of duties', () => {
    expect(approvalRefusal({ ...approver, roles: ['approver', 'initiator'] }, proposal)).toEqual({
      code: 'SOD_VIOLATION',
      reason: 'you raised this case (its initiator) and cannot approve its decision',
    });
    expect(approvalRefusal({ ...approver, initiator: true }, proposal)?.code).toBe('SOD_VIOLATION');
  });

  it('each rule is a policy switch: off, it no longer refuses', () => {
    const off = { ...DEFAULT_SEGREGATION_POLICY, proposerMayNotApprove: false, buyerMayNotApprove: false, initiatorMayNotApprove: false };
    expect(approvalRefusal({ ...approver, userId: 'dora', roles: ['approver', 'buyer', 'initiator'] }, proposal, off)).toBeNull();
    expect(approvalRefusal({ ...approver, roles: ['evaluator'] }, proposal, off)?.code).toBe('FORBIDDEN');
  });
});
