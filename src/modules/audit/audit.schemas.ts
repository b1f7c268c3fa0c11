import { type Answer, array, boolean, component, count, dateTime, described, nullable, object, page, sha256, string, untyped, uuid } from '../../openapi/schema';
import type { AuditController } from './audit.controller';
import type { OrgAuditController } from './org-audit.controller';

type Event = Answer<AuditController, 'trail'>['items'][number];

export const AuditEventPage = component(
  'AuditEventPage',
  page(
    object<Event>({
      caseId: uuid,
      seq: count(1),
      actorId: described(nullable(uuid), 'null: the service itself (e.g. a round closed at its deadline)'),
      action: string,
      // each action records its own facts; the README lists them by action
      data: untyped<object>({ type: 'object', additionalProperties: true, description: 'what the event records, by action (see the README)' }),
      createdAt: dateTime,
      prevHash: sha256,
      hash: sha256,
    }),
  ),
);

export const AuditVerification = component(
  'AuditVerification',
  object<Answer<AuditController, 'verify'>>({
    valid: boolean,
    length: count(),
    headHash: sha256,
    firstBrokenSeq: nullable(count(1)),
    truncated: described(boolean, 'the chain ends before the head recorded on the case and in the organization trail: its last events were removed'),
    expectedLength: described(count(), 'the length the recorded heads say the chain has'),
  }),
);

type OrgEvent = Answer<OrgAuditController, 'trail'>['items'][number];

export const OrgAuditEventPage = component(
  'OrgAuditEventPage',
  page(
    object<OrgEvent>({
      seq: count(1),
      actorId: described(nullable(uuid), 'null: the service itself (the CLI creating the first admin)'),
      action: string,
      data: untyped<object>({ type: 'object', additionalProperties: true, description: 'what the event records, by action (see the README)' }),
      createdAt: dateTime,
      prevHash: sha256,
      hash: sha256,
    }),
  ),
);

const ChainCheckSchema = object<Answer<OrgAuditController, 'verify'>['organization']>({
  valid: boolean,
  length: count(),
  headHash: sha256,
  firstBrokenSeq: nullable(count(1)),
});

export const OrganizationVerification = component(
  'OrganizationVerification',
  object<Answer<OrgAuditController, 'verify'>>({
    valid: described(boolean, 'every case chain and the organization chain are intact'),
    cases: described(count(), 'how many case chains were checked'),
    invalidCases: array(
      object<Answer<OrgAuditController, 'verify'>['invalidCases'][number]>({
        caseId: uuid,
        valid: boolean,
        length: count(),
        headHash: sha256,
        firstBrokenSeq: nullable(count(1)),
        truncated: boolean,
        expectedLength: count(),
      }),
    ),
    organization: ChainCheckSchema,
  }),
);

export const auditSchemas = [AuditEventPage, AuditVerification, OrgAuditEventPage, OrganizationVerification];
