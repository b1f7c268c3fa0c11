import { STAGES } from '../../domain/lifecycle/stages';
import { type Answer, array, boolean, component, count, currency, dateTime, decimal, described, nullable, number, object, oneOf, sha256, string, uuid } from '../../openapi/schema';
import type { ApprovalController } from './approval.controller';

const verdict = oneOf(['approve', 'reject']);
const returnTo = described(nullable(oneOf(['NEGOTIATION', 'DECISION'])), 'a rejection: the stage the case went back to');
const required = described(nullable(count(1)), 'approvals the chain needs; null: no proposal to sign');
const executiveRequired = described(nullable(boolean), 'one of them must be an executive; null: no proposal to sign');
const amount = described(nullable(decimal), 'the proposed supplier’s converted total, which picks the approval band');

export const Approval = component(
  'Approval',
  object<Answer<ApprovalController, 'sign'>>({
    id: uuid,
    caseId: uuid,
    decisionId: uuid,
    approverId: uuid,
    verdict,
    comment: nullable(string),
    returnTo,
    snapshotHash: described(sha256, 'the decision snapshot signed'),
    createdAt: dateTime,
    lapsedAt: nullable(dateTime),
    signedBy: described(nullable(uuid), 'the delegate who signed on the approver’s behalf; null: the approver signed'),
    repeated: described(boolean, 'the caller had already approved this snapshot: the first approval is answered and nothing is added'),
    caseStage: described(oneOf(STAGES), 'the case stage after the signature (AWARDED when it completed the chain)'),
  }),
);

export const ApprovalState = component(
  'ApprovalState',
  object<Answer<ApprovalController, 'list'>>({
    required,
    executiveRequired,
    amount,
    currency,
    snapshotHash: nullable(sha256),
    stale: boolean,
    approvals: array(
      object({
        id: uuid,
        approverId: uuid,
        approverName: string,
        signedByName: described(nullable(string), 'the delegate who signed on the approver’s behalf; null: the approver signed'),
        executive: boolean,
        verdict,
        comment: nullable(string),
        returnTo,
        snapshotHash: sha256,
        createdAt: dateTime,
        lapsedAt: nullable(dateTime),
        lapsed: boolean,
        decisionId: uuid,
      }),
    ),
    complete: boolean,
  }),
);

export const PendingApprovalList = component(
  'PendingApprovalList',
  object<Answer<ApprovalController, 'pending'>>({
    items: array(
      object({
        caseId: uuid,
        reference: string,
        title: string,
        amount,
        currency,
        required,
        executiveRequired,
        approvalsGiven: count(),
        proposal: object({ supplierId: uuid, justification: string, override: boolean, snapshotHash: sha256, stale: boolean }),
        override: boolean,
        ranking: array(object({ supplierId: uuid, supplierName: string, rank: count(1), total: number, tie: boolean })),
        sensitive: boolean,
      }),
    ),
    total: count(),
  }),
);

export const approvalSchemas = [Approval, ApprovalState, PendingApprovalList];
