import { DIRECTIONS, NORMALIZATIONS } from '../../domain/specification/types';
import {
  type Answer,
  anyOf,
  array,
  boolean,
  component,
  count,
  currency,
  date,
  dateTime,
  decimal,
  described,

  nullable,
  number,
  object,
  oneOf,
  optional,
  page,
  ref,
  string,
  uuid,
} from '../../openapi/schema';
import { Requirement } from '../specification/specification.schemas';
import type { NegotiationController } from './negotiation.controller';
import type { OfferReceipt as SealedOfferView, OfferView, SubmissionReceipt } from './offers.service';
import type { SupplierPortalController } from './supplier-portal.controller';

const submittedVia = oneOf(['buyer', 'supplier']);
const rate = described(decimal, 'units of the case currency per unit of the offer currency');
const lineItems = described(nullable(array(object<NonNullable<OfferView['lineItems']>[number]>({ description: string, quantity: decimal, unitPrice: decimal }))), 'optional detail; the total price is what counts');
const compliance = array(object<OfferView['compliance'][number]>({ requirementId: uuid, met: boolean, note: nullable(string) }), { description: 'the offer’s answer to each requirement' });
const values = array(object<OfferView['values'][number]>({ criterionId: uuid, value: number }), { description: 'the offer’s value for each criterion sourced from offers' });

export const RoundComparison = component(
  'RoundComparison',
  object<Answer<NegotiationController, 'comparison'>>({
    round: count(1),
    baseCurrency: currency,
    pendingRateCurrencies: described(array(currency), 'currencies with no rate on the case: their offers cannot be converted (and ranked) yet'),
    items: array(
      object({
        position: count(1),
        supplierId: uuid,
        supplierName: string,
        totalPrice: decimal,
        currency,
        rate: nullable(rate),
        convertedTotal: described(nullable(decimal), 'in the case currency; null: no rate yet'),
        concession: described(nullable(decimal), 'the converted total’s drop since the supplier’s offer of the previous round'),
        compliant: described(boolean, 'passes every mandatory requirement as of the round’s close'),
        eliminated: boolean,
        needsReconfirmation: boolean,
        revision: count(1),
        submittedAt: dateTime,
      }),
      { description: 'the current offers, by converted total' },
    ),
  }),
);

export const Round = component(
  'Round',
  object<Answer<NegotiationController, 'open' | 'get' | 'close' | 'eliminate'>>({
    number: count(1),
    deadline: dateTime,
    bestAndFinal: boolean,
    status: oneOf(['open', 'closed']),
    closedAt: described(nullable(dateTime), 'when it closed: by hand, or at its deadline'),
    closedBy: described(nullable(uuid), 'null: closed at its deadline (or still open)'),
    openedBy: uuid,
    createdAt: dateTime,
    participants: array(
      object({
        supplierId: uuid,
        supplierName: string,
        eliminated: boolean,
        eliminatedAt: nullable(dateTime),
        eliminatedReason: nullable(string),
        offerReceived: boolean,
        submittedAt: nullable(dateTime),
        revision: nullable(count(1)),
        submittedVia: nullable(submittedVia),
      }),
    ),
    offersReceived: count(),
    comparison: described(optional(ref(RoundComparison)), 'closeRound only: the comparison of the round it closed'),
  }),
);

export const RoundList = component('RoundList', page(ref(Round)));

export const InvitationList = component(
  'InvitationList',
  array(
    object<Answer<NegotiationController, 'invite'>[number]>({
      supplierId: uuid,
      supplierName: string,
      token: described(string, 'shown only in this answer: the service keeps its hash'),
      expiresAt: described(dateTime, 'the round’s deadline'),
    }),
  ),
);

export const OfferReceipt = component(
  'OfferReceipt',
  object<SubmissionReceipt>(
    {
      round: count(1),
      supplierId: uuid,
      revision: count(1),
      submittedVia,
      submittedAt: dateTime,
      specificationVersion: count(1),
      needsReconfirmation: boolean,
    },
    { description: 'the round stays sealed: the offer’s contents are not echoed' },
  ),
);

const sealedFields = { supplierId: uuid, supplierName: string, submittedAt: dateTime, revision: count(1), submittedVia };
const openedFields = {
  ...sealedFields,
  totalPrice: decimal,
  currency,
  leadTimeDays: count(),
  warrantyMonths: count(),
  paymentDays: count(),
  validUntil: date,
  compliance,
  values,
  rate: nullable(rate),
  convertedTotal: described(nullable(decimal), 'in the case currency; null: no rate'),
  concession: described(nullable(decimal), 'the current offer’s drop since the previous round; null for earlier revisions and in round 1'),
  lineItems,
  notes: nullable(string),
  submittedBy: described(nullable(uuid), 'the buyer who recorded it; null: the supplier through the portal'),
  specificationVersion: count(1),
  needsReconfirmation: boolean,
  compliant: boolean,
  eliminated: boolean,
};

export const SealedOffer = component('SealedOffer', object<SealedOfferView>(sealedFields, { description: 'a receipt: the round is open and sealed' }));
export const Offer = component('Offer', object<OfferView>(openedFields, { description: 'an offer of a closed round' }));

export const OfferPage = component(
  'OfferPage',
  object<Answer<NegotiationController, 'offersOf'>>({
    items: array(anyOf(ref(SealedOffer), ref(Offer))),
    total: count(),
    sealed: described(boolean, 'the round is open: receipts only'),
  }),
);

const isCurrent = described(boolean, 'the supplier’s current revision');

export const OfferRevisionList = component(
  'OfferRevisionList',
  object<Answer<NegotiationController, 'revisions'>>({
    supplierId: uuid,
    supplierName: string,
    round: count(1),
    sealed: boolean,
    items: array(
      anyOf(object<SealedOfferView & { isCurrent: boolean }>({ ...sealedFields, isCurrent }), object<OfferView & { isCurrent: boolean }>({ ...openedFields, isCurrent })),
      { description: 'every revision, oldest first' },
    ),
  }),
);

export const ExchangeRateList = component(
  'ExchangeRateList',
  object<Answer<NegotiationController, 'putRates' | 'listRates'>>({
    baseCurrency: currency,
    items: array(object({ currency, rate, setBy: uuid, setByName: string, setAt: dateTime })),
    total: count(),
  }),
);

export const Invitation = component(
  'Invitation',
  object<Answer<SupplierPortalController, 'invitation'>>({
    supplierId: uuid,
    supplierName: string,
    round: object({ number: count(1), deadline: dateTime, bestAndFinal: boolean }),
    baseCurrency: currency,
    specificationVersion: nullable(count(1)),
    requirements: array(ref(Requirement)),
    offerCriteria: array(object({ id: uuid, name: string, direction: oneOf(DIRECTIONS), normalization: oneOf(NORMALIZATIONS) })),
    currentOffer: described(
      nullable(
        object({
          revision: count(1),
          submittedAt: dateTime,
          submittedVia,
          totalPrice: decimal,
          currency,
          lineItems,
          leadTimeDays: count(),
          warrantyMonths: count(),
          paymentDays: count(),
          validUntil: date,
          compliance,
          values,
          notes: nullable(string),
          specificationVersion: count(1),
          needsReconfirmation: boolean,
        }),
      ),
      'the supplier’s own current offer in this round; null: none yet',
    ),
  }),
);

export const negotiationSchemas = [RoundComparison, Round, RoundList, InvitationList, OfferReceipt, SealedOffer, Offer, OfferPage, OfferRevisionList, ExchangeRateList, Invitation];
