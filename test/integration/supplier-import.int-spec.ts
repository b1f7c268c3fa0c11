import { randomBytes } from 'node:crypto';
import { SupplierImportService } from '../../src/modules/suppliers/supplier-import.service';
import { domainError, type ServiceTier, startServiceTier } from './harness';

const HEADER = 'legalName,taxId,country,categories,contactName,contactEmail,contactPhone,certifications,financialRisk';

/**
 * The CSV import on its service (README "Supplier CSV import"): every row is checked before any is
 * written, and the rows are written in batches of 1,000 inside one transaction.
 */
describe('SupplierImportService: all or nothing', () => {
  let s: ServiceTier;
  beforeAll(async () => {
    s = await startServiceTier();
  });
  afterAll(async () => {
    await s.close();
  });

  const importer = () => s.service(SupplierImportService);
  const prefix = () => randomBytes(3).toString('hex').toUpperCase();
  const row = (p: string, i: number, country = 'DE') => `Import ${p} ${i} GmbH,${p}-${i},${country},compressors,,,,,0.1`;
  const file = (rows: string[]) => [HEADER, ...rows].join('\n') + '\n';
  const suppliers = async (p: string) => {
    const [{ n }] = await s.db.query(`SELECT count(*)::int AS n FROM suppliers WHERE tax_id LIKE $1`, [`${p}-%`]);
    return n as number;
  };

  it('imports nothing when one row is bad, and names that row by line and column', async () => {
    const p = prefix();
    const err = await domainError(importer().import(file([row(p, 1), row(p, 2, 'XX'), row(p, 3)])), 'VALIDATION');
    expect(err.details.errors).toEqual([expect.objectContaining({ line: 3, column: 'country' })]);
    expect(err.details).toMatchObject({ problemCount: 1, truncated: false });
    expect(await suppliers(p)).toBe(0);
  });

  it('refuses a tax id repeated within the file, naming the earlier line', async () => {
    const p = prefix();
    const err = await domainError(importer().import(file([row(p, 1), row(p, 2), row(p, 1)])), 'VALIDATION');
    expect(err.details.errors).toEqual([expect.objectContaining({ line: 4, column: 'taxId', reason: expect.stringContaining('line 2') })]);
    expect(await suppliers(p)).toBe(0);
  });

  it('writes 2,500 rows — three batches — in one transaction', async () => {
    const p = prefix();
    const rows = Array.from({ length: 2500 }, (_, i) => row(p, i));
    const result = await importer().import(file(rows));
    expect(result).toMatchObject({ created: 2500, updated: 0 });
    // every row answered by its line (the header is line 1), in file order
    expect(result.rows.map((r) => r.line)).toEqual(rows.map((_, i) => i + 2));
    expect(new Set(result.rows.map((r) => r.supplierId)).size).toBe(2500);
    expect(await suppliers(p)).toBe(2500);
  });

  it('updates the suppliers already registered under the same country and tax id, and keeps their status', async () => {
    const p = prefix();
    await importer().import(file([row(p, 1), row(p, 2)]));
    await s.db.query(`UPDATE suppliers SET status = 'blocked', blocked_reason = 'audit pending' WHERE tax_id = $1`, [`${p}-1`]);
    const result = await importer().import(file([row(p, 1).replace('Import', 'Renamed'), row(p, 2), row(p, 3)]));
    expect(result).toMatchObject({ created: 1, updated: 2 });
    expect(result.rows.map((r) => [r.line, r.outcome])).toEqual([
      [2, 'updated'],
      [3, 'updated'],
      [4, 'created'],
    ]);
    const [blocked] = await s.db.query(`SELECT legal_name AS "legalName", status FROM suppliers WHERE tax_id = $1`, [`${p}-1`]);
    expect(blocked).toEqual({ legalName: `Renamed ${p} 1 GmbH`, status: 'blocked' });
  });
});
