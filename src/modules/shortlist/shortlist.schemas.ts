import { type Answer, array, boolean, component, count, date, dateTime, described, nullable, number, object, oneOf, ref, string, uuid } from '../../openapi/schema';
import { SUPPLIER_STATUSES } from '../suppliers/dto/supplier.dto';
import { reliabilityParts } from '../suppliers/suppliers.schemas';
import { SHORTLIST_STATUSES } from './dto/shortlist.dto';
import type { ShortlistController } from './shortlist.controller';

export const ShortlistEntry = component(
  'ShortlistEntry',
  object<Answer<ShortlistController, 'add' | 'setStatus'>>({
    supplierId: uuid,
    legalName: string,
    country: string,
    supplierStatus: described(oneOf(SUPPLIER_STATUSES), 'the supplier’s status in the registry'),
    status: oneOf(SHORTLIST_STATUSES),
    reason: described(nullable(string), 'why it was excluded or reinstated'),
    addedBy: uuid,
    createdAt: dateTime,
    updatedAt: dateTime,
  }),
);

export const Shortlist = component(
  'Shortlist',
  object<Answer<ShortlistController, 'list' | 'justify' | 'approve'>>({
    items: array(ref(ShortlistEntry)),
    total: count(),
    shortlisted: count(),
    excluded: count(),
    minimum: described(count(), 'the shortlisted suppliers the purchase type asks for (fewer need a sole-source justification)'),
    soleSourceJustification: nullable(string),
    approval: object({ approved: boolean, approvedAt: nullable(dateTime), approvedBy: nullable(uuid) }),
  }),
);

export const ShortlistSuggestionPage = component(
  'ShortlistSuggestionPage',
  object<Answer<ShortlistController, 'suggestions'>>({
    items: array(
      object({
        supplierId: uuid,
        legalName: string,
        country: string,
        score: described(number, 'the reliability score, 0–100', { minimum: 0, maximum: 100 }),
        parts: reliabilityParts,
        fails: described(array(object({ requirementId: uuid, reason: string })), 'certification requirements the registry shows it failing'),
        eligible: boolean,
        incumbent: described(boolean, 'a straight rebuy: the supplier awarded the previous case'),
        alreadyShortlisted: boolean,
        shortlistStatus: nullable(oneOf(SHORTLIST_STATUSES)),
      }),
      { description: 'active suppliers of the case category, by reliability' },
    ),
    total: count(),
    category: string,
    asOf: date,
  }),
);

export const shortlistSchemas = [ShortlistEntry, Shortlist, ShortlistSuggestionPage];
