import { approvalSchemas } from '../modules/approval/approval.schemas';
import { auditSchemas } from '../modules/audit/audit.schemas';
import { casesSchemas } from '../modules/cases/cases.schemas';
import { evaluationSchemas } from '../modules/evaluation/evaluation.schemas';
import { healthSchemas } from '../modules/health/health.schemas';
import { messagesSchemas } from '../modules/messages/messages.schemas';
import { dialogueSchemas } from '../modules/negotiation/dialogue.schemas';
import { negotiationSchemas } from '../modules/negotiation/negotiation.schemas';
import { policySchemas } from '../modules/policy/policy.schemas';
import { reportsSchemas } from '../modules/reports/reports.schemas';
import { shortlistSchemas } from '../modules/shortlist/shortlist.schemas';
import { specificationSchemas } from '../modules/specification/specification.schemas';
import { suppliersSchemas } from '../modules/suppliers/suppliers.schemas';
import { usersSchemas } from '../modules/users/users.schemas';
import { delegationSchemas } from '../modules/approver/delegations/delegations.schemas';
import { webhooksSchemas } from '../modules/webhooks/webhooks.schemas';
import { ocdsSchemas } from '../modules/ocds/ocds.schemas';
import { components } from './schema';

/**
 * The response schemas of the document, from each module's `<module>.schemas.ts` (README "HTTP
 * contract": a module with endpoints adds its list here).
 */
export const RESPONSE_SCHEMAS = components(
  approvalSchemas,
  auditSchemas,
  casesSchemas,
  evaluationSchemas,
  healthSchemas,
  messagesSchemas,
  dialogueSchemas,
  negotiationSchemas,
  policySchemas,
  reportsSchemas,
  shortlistSchemas,
  specificationSchemas,
  suppliersSchemas,
  usersSchemas,
  delegationSchemas,
  webhooksSchemas,
  ocdsSchemas,
);
