import { randomBytes } from 'node:crypto';
import { type TestApp, type TestUser } from '../setup/test-app';
import { type BuyingCenter, caseWithBuyingCenter } from './index';
import { putSpecification, specBody, transition } from './specification';

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
  const bc = await caseWithBuyingCenter(t, overrides);
  await transition(t, bc.caseId, bc.people.initiator, 'SPECIFICATION');
  await putSpecification(t, bc.caseId, bc.people.prescriber, spec);
  await transition(t, bc.caseId, bc.people.prescriber, 'SHORTLISTING');
  return bc;
}

/**
 * A case AWARDED to `supplierId`. Negotiation, decision and sign-off are other modules' work, so
 * the case walks NEED → SPECIFICATION (with a specification) through the API and is then marked
 * AWARDED with direct SQL, as the approval module stores an award.
 */
export async function awardedCase(t: TestApp, supplierId: string, overrides: Record<string, unknown> = {}): Promise<{ caseId: string; people: BuyingCenter }> {
  const bc = await caseWithBuyingCenter(t, overrides);
  await transition(t, bc.caseId, bc.people.initiator, 'SPECIFICATION');
  await putSpecification(t, bc.caseId, bc.people.prescriber, specBody());
  await t.db.query(
    `UPDATE cases SET stage = 'AWARDED', awarded_supplier_id = $2, awarded_amount = 80000, awarded_at = now() WHERE id = $1`,
    [bc.caseId, supplierId],
  );
  return { caseId: bc.caseId, people: bc.people };
}

export function csv(lines: string[]): string {
  return lines.join('\n') + '\n';
}

export const CSV_HEADER = 'legalName,taxId,country,categories,contactName,contactEmail,contactPhone,certifications,financialRisk';

export function importCsv(t: TestApp, body: string, actor: TestUser = t.admin) {
  return t.http.post('/api/v1/suppliers/import').set(actor.auth).set('Content-Type', 'text/csv').send(body);
}
