import { type Answer, array, boolean, component, count, dateTime, described, nullable, object, oneOf, page, string, uuid } from '../../openapi/schema';
import { MESSAGE_STATUSES } from '../messages/message.entity';
import { INTENTS } from './dialogue.entities';
import type { DialogueController } from './dialogue.controller';
import type { SupplierPortalController } from './supplier-portal.controller';

const question = {
  id: uuid,
  round: count(1),
  supplierId: described(uuid, 'who asked: the buying center sees it, the other suppliers never do'),
  text: described(string, 'as asked'),
  askedAt: dateTime,
  publishedQuestion: described(nullable(string), 'as published with the answer'),
  answer: nullable(string),
  answeredBy: nullable(uuid),
  answeredAt: nullable(dateTime),
};

export const QuestionPage = component('QuestionPage', page(object<Answer<DialogueController, 'questions'>['items'][number]>(question)));

export const AnsweredQuestion = component(
  'AnsweredQuestion',
  object<Answer<DialogueController, 'answer'>>({ ...question, messageIds: described(array(uuid), 'the answer’s messages, pending the gatekeeper’s approval') }),
);

export const IntentList = component(
  'IntentList',
  page(
    object<Answer<DialogueController, 'intents'>['items'][number]>({
      supplierId: uuid,
      supplierName: string,
      intent: described(nullable(oneOf(INTENTS)), 'null: none declared'),
      reason: nullable(string),
      declaredAt: nullable(dateTime),
    }),
  ),
);

export const QuestionReceipt = component(
  'QuestionReceipt',
  object<Answer<SupplierPortalController, 'ask'>>({ id: uuid, round: count(1), text: string, askedAt: dateTime, answered: described(boolean, 'false until the buyer answers') }),
);

export const IntentReceipt = component(
  'IntentReceipt',
  object<Answer<SupplierPortalController, 'declare'>>({ round: count(1), intent: oneOf(INTENTS), reason: nullable(string), declaredAt: dateTime }),
);

export const SupplierMessagePage = component(
  'SupplierMessagePage',
  page(
    object<Answer<SupplierPortalController, 'messages'>['items'][number]>({
      id: uuid,
      kind: string,
      status: described(oneOf(MESSAGE_STATUSES), 'queued, sending, sent, failed or dead: released by the gatekeeper (never pending_approval)'),
      language: oneOf(['en', 'es'] as const),
      subject: string,
      text: described(string, 'the plain-text part as sent'),
      createdAt: dateTime,
      sentAt: nullable(dateTime),
    }),
  ),
);

export const dialogueSchemas = [QuestionPage, AnsweredQuestion, IntentList, QuestionReceipt, IntentReceipt, SupplierMessagePage];
