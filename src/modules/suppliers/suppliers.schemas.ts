import { CONTACT_ROLES, LANGUAGES } from '../../domain/messages/audiences';
import type { ReliabilityParts } from '../../domain/reliability';
import { type Answer, anyOf, array, boolean, component, count, date, dateTime, described, nullable, number, object, oneOf, optional, page, ref, string, uuid } from '../../openapi/schema';
import { PERFORMANCE_TYPES, SEVERITIES } from './dto/performance.dto';
import { SUPPLIER_STATUSES } from './dto/supplier.dto';
import type { SuppliersController } from './suppliers.controller';

const share = (text: string) => described(number, text, { minimum: 0, maximum: 1 });

/** The four parts of the reliability score, each 0–1 (README "Supplier reliability"). */
export const reliabilityParts = object<ReliabilityParts>({
  otif: share('on time and in full: the decayed, prior-smoothed share of deliveries'),
  quality: share('deliveries less severity-weighted incidents, decayed and prior-smoothed'),
  certifications: share('the share of listed certifications valid on asOf (0 when none are listed)'),
  financial: share('1 − financial risk'),
});

export const Supplier = component(
  'Supplier',
  object<Answer<SuppliersController, 'get' | 'create' | 'update'>>({
    id: uuid,
    legalName: string,
    taxId: string,
    taxIdNormalized: described(string, 'the tax id as compared for duplicates (per country)'),
    country: described(string, 'ISO 3166-1 alpha-2', { pattern: '^[A-Z]{2}$' }),
    categories: array(string),
    contacts: array(
      object({
        name: string,
        email: string,
        phone: optional(string),
        roles: described(array(oneOf(CONTACT_ROLES)), 'the messages the contact receives go by these (README "Messages")'),
        language: described(oneOf(LANGUAGES), 'the language of the messages the contact receives'),
      }),
    ),
    certifications: array(object({ name: string, issuedOn: date, expiresOn: date })),
    financialRisk: share('the financial-risk rating, 0 (none) to 1'),
    status: oneOf(SUPPLIER_STATUSES),
    blockedReason: nullable(string),
    createdAt: dateTime,
    updatedAt: dateTime,
  }),
);

export const SupplierPage = component('SupplierPage', page(ref(Supplier)));

export const ImportResult = component(
  'ImportResult',
  object<Answer<SuppliersController, 'import'>>(
    {
      created: count(),
      updated: count(),
      rows: array(
        object({ line: count(2), supplierId: uuid, outcome: oneOf(['created', 'updated'] as const) }),
        { description: 'every row of the file, by line (the header is line 1), with the supplier it created or updated' },
      ),
    },
    { description: 'the rows written: all or nothing' },
  ),
);

export const PerformanceEvent = component(
  'PerformanceEvent',
  object<Answer<SuppliersController, 'recordPerformanceBatch'>['items'][number]>({
    id: uuid,
    supplierId: uuid,
    type: oneOf(PERFORMANCE_TYPES),
    date,
    onTime: described(nullable(boolean), 'deliveries only'),
    inFull: described(nullable(boolean), 'deliveries only'),
    severity: described(nullable(oneOf(SEVERITIES)), 'incidents only'),
    description: nullable(string),
    caseId: nullable(uuid),
    createdBy: nullable(uuid),
    createdAt: dateTime,
  }),
);

export const PerformanceEventPage = component('PerformanceEventPage', page(ref(PerformanceEvent)));

export const Reliability = component(
  'Reliability',
  object<Answer<SuppliersController, 'reliabilityOf'>>({
    score: described(number, '0–100', { minimum: 0, maximum: 100 }),
    parts: reliabilityParts,
    observations: object({
      deliveries: described(count(), 'deliveries dated on or before asOf'),
      incidents: described(count(), 'incidents dated on or before asOf'),
      weightedDeliveries: number,
      weightedOnTimeInFull: number,
      weightedIncidentSeverity: number,
      certificationsValid: count(),
      certificationsListed: count(),
    }),
    asOf: date,
  }),
);

export const PerformanceEventList = component(
  'PerformanceEventList',
  object<Answer<SuppliersController, 'recordPerformanceBatch'>>({ items: array(ref(PerformanceEvent)), total: count(1) }, { description: 'the events recorded, in the order sent' }),
);

export const PerformanceRecorded = component('PerformanceRecorded', described(anyOf(ref(PerformanceEvent), ref(PerformanceEventList)), 'the event recorded, or the list when several were sent'));

export const PerformanceImportResult = component(
  'PerformanceImportResult',
  object<Answer<SuppliersController, 'importPerformance'>>(
    {
      created: count(1),
      rows: array(object({ line: count(2), eventId: uuid, supplierId: uuid }), { description: 'every row of the file, by line (the header is line 1), with its event and supplier' }),
    },
    { description: 'the events recorded: all or nothing' },
  ),
);

export const suppliersSchemas = [Supplier, SupplierPage, ImportResult, PerformanceEvent, PerformanceEventPage, PerformanceEventList, PerformanceRecorded, PerformanceImportResult, Reliability];
