import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type CaseRole, type PurchaseType, type Stage } from '../../domain/lifecycle/stages';
import { Case } from './case.entity';

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

  /** One page of the cases a user may see, newest first, with the total that match. */
  async search(m: EntityManager, s: CaseSearch): Promise<[Case[], number]> {
    const qb = m.getRepository(Case).createQueryBuilder('c');
    if (s.memberId !== null) {
      qb.andWhere('EXISTS (SELECT 1 FROM case_members cm WHERE cm.case_id = c.id AND cm.user_id = :userId)', { userId: s.memberId });
    }
    if (s.stage) qb.andWhere('c.stage = :stage', { stage: s.stage });
    if (s.purchaseType) qb.andWhere('c.purchase_type = :purchaseType', { purchaseType: s.purchaseType });
    if (s.category) qb.andWhere('c.category = :category', { category: s.category });
    if (s.q) qb.andWhere('(c.title ILIKE :q OR c.business_need ILIKE :q OR c.reference ILIKE :q)', { q: likePattern(s.q) });
    return qb.orderBy('c.created_at', 'DESC').addOrderBy('c.id', 'ASC').take(s.limit).skip(s.offset).getManyAndCount();
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
