import { Injectable } from '@nestjs/common';
import { type DataSource, type EntityManager } from 'typeorm';
import { preparedQuery } from '../../database/prepared-query';
import { type CaseRole, type PurchaseType, type Stage } from '../../domain/lifecycle/stages';
import { type CaseRow } from './case.view';

/** A member of a case's buying center with their name and email. */
export interface MemberView {
  userId: string;
  name: string;
  email: string;
  roles: CaseRole[];
  addedAt: Date;
}

/** A conflict-of-interest declaration with its declarer's name. */
export interface DeclarationView {
  id: string;
  caseId: string;
  userId: string;
  userName: string;
  conflict: boolean;
  supplierId: string | null;
  text: string | null;
  createdAt: Date;
}

export interface CaseSearch {
  /** null: an admin, who sees every case; otherwise only cases the user is a member of */
  memberId: string | null;
  stage?: Stage;
  purchaseType?: PurchaseType;
  category?: string;
  /** part of the title, the business need or the reference, case-insensitive */
  q?: string;
  limit: number;
  offset: number;
}

/** The columns of a case the view shows, as `caseView` reads them (the date as its ISO text, as the entity holds it). */
const CASE_ROW = `c.id, c.reference, c.title, c.business_need AS "businessNeed", c.quantity, c.unit, c.estimated_budget AS "estimatedBudget",
       c.currency, c.needed_by::text AS "neededBy", c.category, c.purchase_type AS "purchaseType", c.profit_impact AS "profitImpact",
       c.supply_risk AS "supplyRisk", c.previous_case_id AS "previousCaseId", c.stage, c.cancel_reason AS "cancelReason",
       c.awarded_supplier_id AS "awardedSupplierId", c.awarded_amount AS "awardedAmount", c.awarded_at AS "awardedAt",
       c.created_by AS "createdBy", c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** Every SQL statement of the cases module; the rest goes through the Case and CaseMember entities. */
@Injectable()
export class CasesQueries {
  /** The next case reference, PC-<year>-<5-digit sequence>: the sequence never gives a number twice, even across aborted transactions. */
  async nextReference(m: EntityManager): Promise<string> {
    const [{ reference }] = await m.query(
      `SELECT 'PC-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('case_reference_seq')::text, 5, '0') AS reference`,
    );
    return reference;
  }

  /** The buying center in the order people joined it (then by name). */
  async members(m: EntityManager, caseId: string): Promise<MemberView[]> {
    return m.query(
      `SELECT m.user_id AS "userId", u.name, u.email, m.roles, m.added_at AS "addedAt"
         FROM case_members m JOIN users u ON u.id = m.user_id
        WHERE m.case_id = $1 ORDER BY m.added_at, u.name`,
      [caseId],
    );
  }

  /**
   * One page of the cases a user may see, newest first, with the total that match: one statement
   * (the total by a window over the matches, taken before LIMIT), plain rows in the columns the case
   * view shows. Only a page past the end (no row to carry the total) asks for the count on its own.
   * Prepared statements on the pool (`preparedQuery`): the trivial authenticated GET is this one.
   */
  async search(db: DataSource, s: CaseSearch): Promise<[CaseRow[], number]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (s.memberId !== null) where.push(`EXISTS (SELECT 1 FROM case_members cm WHERE cm.case_id = c.id AND cm.user_id = ${param(s.memberId)})`);
    if (s.stage) where.push(`c.stage = ${param(s.stage)}`);
    if (s.purchaseType) where.push(`c.purchase_type = ${param(s.purchaseType)}`);
    if (s.category) where.push(`c.category = ${param(s.category)}`);
    if (s.q) {
      const q = param(likePattern(s.q));
      where.push(`(c.title ILIKE ${q} OR c.business_need ILIKE ${q} OR c.reference ILIKE ${q})`);
    }
    const filter = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
    const rows = await preparedQuery<CaseRow & { total: string }>(
      db,
      `SELECT ${CASE_ROW}, count(*) OVER () AS total
         FROM cases c ${filter}
        ORDER BY c.created_at DESC, c.id ASC
        LIMIT ${param(s.limit)} OFFSET ${param(s.offset)}`,
      params,
    );
    if (rows.length > 0) return [rows, Number(rows[0].total)];
    if (s.offset === 0) return [[], 0];
    const [{ total }] = await preparedQuery<{ total: string }>(db, `SELECT count(*) AS total FROM cases c ${filter}`, params.slice(0, -2));
    return [[], Number(total)];
  }

  /** The case's declarations, oldest first, each with its declarer's name. */
  async declarations(m: EntityManager, caseId: string): Promise<DeclarationView[]> {
    return m.query(
      `SELECT d.id, d.case_id AS "caseId", d.user_id AS "userId", u.name AS "userName", d.conflict,
              d.supplier_id AS "supplierId", d.text, d.created_at AS "createdAt"
         FROM conflict_declarations d JOIN users u ON u.id = d.user_id
        WHERE d.case_id = $1 ORDER BY d.created_at, d.id`,
      [caseId],
    );
  }

  /** The suppliers still shortlisted on the case (a conflict with one of them bars its declarer). */
  async shortlistedSupplierIds(m: EntityManager, caseId: string): Promise<string[]> {
    const rows: Array<{ supplierId: string }> = await m.query(
      `SELECT supplier_id AS "supplierId" FROM shortlist_entries WHERE case_id = $1 AND status = 'shortlisted'`,
      [caseId],
    );
    return rows.map((r) => r.supplierId);
  }

  async supplierExists(m: EntityManager, supplierId: string): Promise<boolean> {
    const [row] = await m.query(`SELECT 1 FROM suppliers WHERE id = $1`, [supplierId]);
    return row !== undefined;
  }
}
