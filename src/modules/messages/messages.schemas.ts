import { CONTACT_ROLES, type ContactRole, SUPPLIER_KINDS, type SupplierKind } from '../../domain/messages/audiences';
import { type Answer, array, component, count, dateTime, described, nullable, object, oneOf, page, type Schema, string, uuid } from '../../openapi/schema';
import { MESSAGE_STATUSES } from './message.entity';
import type { MessageSettingsController } from './message-settings.controller';
import type { MessagesController } from './messages.controller';

type Summary = Answer<MessagesController, 'listForCase'>['items'][number];
type Dead = Answer<MessagesController, 'dead'>['items'][number];

const recipients = array(object<Summary['recipients'][number]>({ name: string, email: string }));
const status = described(oneOf(MESSAGE_STATUSES), 'pending_approval (waits for the gatekeeper), queued, sending, sent, failed (a retry is scheduled), dead (retries spent)');

export const MessageSummary = component(
  'MessageSummary',
  object<Summary>({ id: uuid, kind: string, status, recipients, createdAt: dateTime, sentAt: nullable(dateTime) }),
);

export const MessagePage = component(
  'MessagePage',
  page(object<Summary>({ id: uuid, kind: string, status, recipients, createdAt: dateTime, sentAt: nullable(dateTime) })),
);

export const DeadMessagePage = component(
  'DeadMessagePage',
  page(
    object<Dead>({
      id: uuid,
      caseId: nullable(uuid),
      kind: string,
      status,
      recipients,
      createdAt: dateTime,
      sentAt: nullable(dateTime),
      attempts: count(),
      lastError: nullable(string),
    }),
  ),
);

export const MessageSettings = component(
  'MessageSettings',
  object<Answer<MessageSettingsController, 'get' | 'put'>>({
    contactRoles: object(
      Object.fromEntries(SUPPLIER_KINDS.map((kind) => [kind, array(oneOf(CONTACT_ROLES))])) as Record<SupplierKind, Schema<ContactRole[]>>,
      { description: 'per supplier-facing message kind, the contact roles it goes to on this case' },
    ),
  }),
);

export const messagesSchemas = [MessageSummary, MessagePage, DeadMessagePage, MessageSettings];
