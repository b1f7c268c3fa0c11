import { randomBytes } from 'node:crypto';
import { type SpecificationPlan } from '../../src/tools/case-builder';
import { type TestApp, type TestUser } from '../setup/test-app';
import { type BuyingCenter, buyingCenter } from './index';
import { specBody } from './specification';

const uniqueTaxId = () => `${randomBytes(5).toString('hex').toUpperCase()}`;

/** A valid POST /suppliers body with a tax id no other test uses. */
export function supplierBody(overrides: Record<string, unknown> = {}) {
  return {
    legalName: `Atlas Kompressoren ${randomBytes(3).toString('hex')} GmbH`,
    taxId: uniqueTaxId(),
    country: 'DE',
    categories: ['compressors'],
    contacts: [{ name: 'Jana Vogt', email: 'jana.vogt@atlas.example', phone: '+49 30 1234567' }],
    certifications: [{ name: 'ISO 9001', issuedOn: '2025-01-01', expiresOn: '2028-12-31' }],
    financialRisk: 0.2,
    ...overrides,
  };
}

export async function createSupplier(t: TestApp, overrides: Record<string, unknown> = {}, actor: TestUser = t.admin) {
  const res = await t.http.post('/api/v1/suppliers').set(actor.auth).send(supplierBody(overrides)).expect(201);
  return res.body as { id: string; legalName: string; taxId: string; [k: string]: unknown };
}

/** A case with a full buying center, a specification (with an ISO 9001 certification requirement), moved to SHORTLISTING. */
export async function caseInShortlisting(t: TestApp, overrides: Record<string, unknown> = {}, spec: object = specBody()) {
  const built = await t.builder().withCase(overrides).withSpecification(spec as SpecificationPlan).build('SHORTLISTING');
  return { caseId: built.caseId, case: built.case, people: buyingCenter(built) };
}

/**
 * A case AWARDED to the registry supplier `supplierId`, walked through the API: the default
 * specification, a sole-source shortlist of that supplier, one round with its 80,000 EUR offer,
 * both evaluators' scores, the decider's proposal and the two approvals the amount needs.
 */
export async function awardedCase(t: TestApp, supplierId: string, overrides: Record<string, unknown> = {}): Promise<{ caseId: string; people: BuyingCenter }> {
  const built = await t
    .builder()
    .withCase(overrides)
    .withSpecification(specBody() as SpecificationPlan)
    .withSuppliers([{ key: 'awarded', id: supplierId }])
    .withRounds([{ offers: [{ supplier: 'awarded', totalPrice: '80000.00' }] }])
    .build('AWARDED');
  return { caseId: built.caseId, people: buyingCenter(built) };
}

export function csv(lines: string[]): string {
  return lines.join('\n') + '\n';
}

export const CSV_HEADER = 'legalName,taxId,country,categories,contactName,contactEmail,contactPhone,certifications,financialRisk';

export function importCsv(t: TestApp, body: string, actor: TestUser = t.admin) {
  return t.http.post('/api/v1/suppliers/import').set(actor.auth).set('Content-Type', 'text/csv').send(body);
}
