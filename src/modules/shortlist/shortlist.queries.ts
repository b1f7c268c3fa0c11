import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type SupplierCertification, type SupplierStatus } from '../suppliers/supplier.entity';
import { type ShortlistStatus } from './shortlist-entry.entity';

/** A shortlist entry with its supplier's name, country and registry status. */
export interface ShortlistEntryView {
  supplierId: string;
  legalName: string;
  country: string;
  supplierStatus: SupplierStatus;
  status: ShortlistStatus;
  reason: string | null;
  addedBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** An active supplier of the case's category, as the suggestions rank it. */
export interface SuggestionCandidate {
  id: string;
  legalName: string;
  country: string;
  certifications: SupplierCertification[];
  /** its status on this case's shortlist; null when it is not on it */
  entryStatus: ShortlistStatus | null;
}

const ENTRY_COLUMNS = `e.supplier_id AS "supplierId", s.legal_name AS "legalName", s.country, s.status AS "supplierStatus",
  e.status, e.reason, e.added_by AS "addedBy", e.created_at AS "createdAt", e.updated_at AS "updatedAt"`;

/** Every SQL statement of the shortlist module; single entries are read and written through ShortlistEntry. */
@Injectable()
export class ShortlistQueries {
  /** The active suppliers whose categories include `category` (trimmed, lower case), each with its entry on this case if any. */
  async candidates(m: EntityManager, caseId: string, category: string): Promise<SuggestionCandidate[]> {
    return m.query(
      `SELECT s.id, s.legal_name AS "legalName", s.country, s.certifications, e.status AS "entryStatus"
         FROM suppliers s LEFT JOIN shortlist_entries e ON e.case_id = $2 AND e.supplier_id = s.id
        WHERE s.status = 'active' AND s.categories @> ARRAY[lower(trim($1))]::text[]`,
      [category, caseId],
    );
  }

  /** The case's shortlist in the order suppliers were added (then by name). */
  async entries(m: EntityManager, caseId: string): Promise<ShortlistEntryView[]> {
    return m.query(
      `SELECT ${ENTRY_COLUMNS} FROM shortlist_entries e JOIN suppliers s ON s.id = e.supplier_id
        WHERE e.case_id = $1 ORDER BY e.created_at, s.legal_name, e.supplier_id`,
      [caseId],
    );
  }

  /** The case's shortlist by supplier name, as the decision report lists it. */
  async entriesByName(m: EntityManager, caseId: string): Promise<ShortlistEntryView[]> {
    return m.query(
      `SELECT ${ENTRY_COLUMNS} FROM shortlist_entries e JOIN suppliers s ON s.id = e.supplier_id
        WHERE e.case_id = $1 ORDER BY s.legal_name`,
      [caseId],
    );
  }

  /** One entry of the case's shortlist; undefined when the supplier is not on it. */
  async entry(m: EntityManager, caseId: string, supplierId: string): Promise<ShortlistEntryView | undefined> {
    const [row] = await m.query(
      `SELECT ${ENTRY_COLUMNS} FROM shortlist_entries e JOIN suppliers s ON s.id = e.supplier_id WHERE e.case_id = $1 AND e.supplier_id = $2`,
      [caseId, supplierId],
    );
    return row;
  }
}
