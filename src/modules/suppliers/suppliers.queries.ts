import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { type EntityManager } from 'typeorm';
import { type CsvColumn, type ImportRow } from './supplier-csv';
import { Supplier, type SupplierStatus } from './supplier.entity';
import { normalizeTaxId } from './tax-id';

export interface SupplierSearch {
  /** part of the legal name (case-insensitive) or of the normalized tax id */
  q?: string;
  /** an exact category, case-insensitive */
  category?: string;
  country?: string;
  status?: SupplierStatus;
  /** a certification of that name (case-insensitive), valid on `validOn` when given */
  certification?: string;
  validOn?: string;
  limit: number;
  offset: number;
}

/** A value as COPY's text format writes it: backslash, tab and line breaks escaped. */
export const copyText = (value: string): string => value.replace(/[\\\t\n\r]/g, (ch) => COPY_ESCAPES[ch]);
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
/** A text[] literal: every element quoted, its quotes and backslashes escaped. */
export const arrayLiteral = (items: readonly string[]): string => `{${items.map((i) => `"${i.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`).join(',')}}`;

/** One staged row as a line of COPY's text format (the columns of `stageImport`). */
export function copyLine(row: ImportRow): string {
  return (
    `${row.line}\t${copyText(row.legalName)}\t${copyText(row.taxId)}\t${copyText(normalizeTaxId(row.taxId))}\t${copyText(row.country)}\t` +
    `${copyText(arrayLiteral(row.categories))}\t${copyText(JSON.stringify(row.contacts))}\t${copyText(JSON.stringify(row.certifications))}\t${row.financialRisk}\n`
  );
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/**
 * Every SQL statement of the suppliers module: the registry search and the CSV import's COPY into
 * its staging table and its set-based upsert. Single suppliers and performance events are read and written through the entities.
 */
@Injectable()
export class SuppliersQueries {
  /** One page of the registry by legal name, with the total that match. */
  async search(m: EntityManager, s: SupplierSearch): Promise<[Supplier[], number]> {
    const qb = m.getRepository(Supplier).createQueryBuilder('s');
    if (s.q) {
      const taxQ = normalizeTaxId(s.q);
      qb.andWhere(taxQ ? '(s.legal_name ILIKE :q OR s.tax_id_normalized LIKE :taxQ)' : 's.legal_name ILIKE :q', {
        q: likePattern(s.q),
        taxQ: likePattern(taxQ),
      });
    }
    if (s.category) qb.andWhere('s.categories @> ARRAY[lower(:category)]::text[]', { category: s.category.trim() });
    if (s.country) qb.andWhere('s.country = :country', { country: s.country });
    if (s.status) qb.andWhere('s.status = :status', { status: s.status });
    if (s.certification) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM jsonb_array_elements(s.certifications) cert
                  WHERE lower(cert->>'name') = lower(:certification)
                    AND (CAST(:validOn AS date) IS NULL
                         OR ((cert->>'issuedOn')::date <= CAST(:validOn AS date) AND CAST(:validOn AS date) <= (cert->>'expiresOn')::date)))`,
        { certification: s.certification.trim(), validOn: s.validOn ?? null },
      );
    }
    return qb.orderBy('s.legal_name', 'ASC').addOrderBy('s.id', 'ASC').take(s.limit).skip(s.offset).getManyAndCount();
  }

  /**
   * The import's rows go first into a table private to the transaction (no lock on the registry
   * yet), by one COPY FROM STDIN of `slices`: runs of `copyLine`s.
   */
  async stageImport(m: EntityManager, slices: Iterable<string>): Promise<void> {
    await m.query(
      `CREATE TEMP TABLE import_rows (line integer NOT NULL, legal_name text, tax_id text, tax_id_normalized text, country text,
         categories text[], contacts jsonb, certifications jsonb, financial_risk numeric) ON COMMIT DROP`,
    );
    const client = (await m.queryRunner!.connect()) as PoolClient;
    await pipeline(
      Readable.from(slices),
      client.query(copyFrom('COPY import_rows (line, legal_name, tax_id, tax_id_normalized, country, categories, contacts, certifications, financial_risk) FROM STDIN')),
    );
  }

  /**
   * Then one INSERT … ON CONFLICT (country, tax_id_normalized) writes them all **in the order of
   * the normalized tax id** (then country): every import takes its row locks and unique-index
   * waits in that one order, so two imports of the same suppliers in any row order wait for each
   * other instead of deadlocking. `xmax = 0` tells a fresh row from an updated one; each comes back
   * with its key `country|normalized tax id`, by which the caller finds its row. A column the
   * file leaves out keeps the stored value; the row's contact replaces the stored one with the
   * same email (case-insensitive) and the others stay; status and blocked reason are never touched.
   */
  async upsertStaged(m: EntityManager, columns: ReadonlyMap<CsvColumn, number>): Promise<Array<{ id: string; key: string; inserted: boolean }>> {
    const updates = ['legal_name = EXCLUDED.legal_name', 'tax_id = EXCLUDED.tax_id', 'updated_at = now()'];
    if (columns.has('categories')) updates.push('categories = EXCLUDED.categories');
    if (columns.has('certifications')) updates.push('certifications = EXCLUDED.certifications');
    if (columns.has('financialRisk')) updates.push('financial_risk = EXCLUDED.financial_risk');
    if (columns.has('contactName') || columns.has('contactEmail')) {
      updates.push(`contacts = CASE WHEN jsonb_array_length(EXCLUDED.contacts) = 0 THEN suppliers.contacts
        ELSE EXCLUDED.contacts || coalesce((SELECT jsonb_agg(c) FROM jsonb_array_elements(suppliers.contacts) c
                                             WHERE lower(c->>'email') <> lower(EXCLUDED.contacts->0->>'email')), '[]'::jsonb) END`);
    }
    return m.query(
      `INSERT INTO suppliers (legal_name, tax_id, tax_id_normalized, country, categories, contacts, certifications, financial_risk)
       SELECT legal_name, tax_id, tax_id_normalized, country, categories, contacts, certifications, financial_risk
         FROM import_rows ORDER BY tax_id_normalized, country
       ON CONFLICT (country, tax_id_normalized) DO UPDATE SET ${updates.join(', ')}
       RETURNING id, country || '|' || tax_id_normalized AS key, (xmax = 0) AS inserted`,
    );
  }

  /** Supplier ids by `${country}|${normalized tax id}`, for the keys the registry holds. */
  async suppliersByKey(m: EntityManager, keys: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (let start = 0; start < keys.length; start += 5000) {
      const chunk = keys.slice(start, start + 5000);
      const rows: Array<{ id: string; country: string; taxIdNormalized: string }> = await m.query(
        `SELECT s.id, s.country, s.tax_id_normalized AS "taxIdNormalized"
           FROM suppliers s JOIN unnest($1::text[], $2::text[]) AS k(country, tax_id) ON s.country = k.country AND s.tax_id_normalized = k.tax_id`,
        [chunk.map((k) => k.split('|')[0]), chunk.map((k) => k.split('|')[1])],
      );
      for (const r of rows) found.set(`${r.country}|${r.taxIdNormalized}`, r.id);
    }
    return found;
  }
}
