import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type CaseAccess } from '../../common/auth';
import { lockCase } from '../../common/case-lock';
import { type Page } from '../../common/paging';
import { DomainError, notFound } from '../../domain/errors';
import { assertAllowed } from '../../domain/lifecycle/permissions';
import { AuditService } from '../audit/audit.service';
import { User } from '../users/user.entity';
import { PerformanceEventDto } from './dto/performance.dto';
import { PerformanceEvent } from './supplier.entity';

const EVENT_COLUMNS = `id, supplier_id AS "supplierId", type, date::text AS date, on_time AS "onTime", in_full AS "inFull",
  severity, description, case_id AS "caseId", created_by AS "createdBy", created_at AS "createdAt"`;

/** The supplier's performance record: dated deliveries and quality incidents, the input of its reliability score. */
@Injectable()
export class PerformanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * Admins and buyers record performance (the guard checked `registry.write`). A delivery against a case is
   * the delivered performance of an AWARDED case: only that case's buyer records it, only for the
   * supplier it was awarded to, and the case's audit trail says so.
   */
  async record(supplierId: string, dto: PerformanceEventDto, user: User) {
    return this.dataSource.transaction(async (m) => {
      const [supplier] = await m.query('SELECT id, legal_name AS "legalName" FROM suppliers WHERE id = $1 FOR SHARE', [supplierId]);
      if (!supplier) throw notFound('supplier');
      const caseId = dto.type === 'delivery' ? (dto.caseId ?? null) : null;
      if (caseId) await this.checkCase(m, caseId, supplierId, user);
      const event = m.create(PerformanceEvent, {
        supplierId,
        type: dto.type,
        date: dto.date,
        onTime: dto.type === 'delivery' ? dto.onTime! : null,
        inFull: dto.type === 'delivery' ? dto.inFull! : null,
        severity: dto.type === 'incident' ? dto.severity! : null,
        description: dto.type === 'incident' ? dto.description! : null,
        caseId,
        createdBy: user.id,
      });
      const { identifiers } = await m.insert(PerformanceEvent, event);
      const id = String(identifiers[0].id);
      if (caseId) {
        await this.audit.append(m, caseId, user.id, 'performance.recorded', {
          eventId: id,
          supplierId,
          supplierName: supplier.legalName,
          type: dto.type,
          date: dto.date,
          onTime: dto.onTime,
          inFull: dto.inFull,
        });
      }
      const [row] = await m.query(`SELECT ${EVENT_COLUMNS} FROM performance_events WHERE id = $1`, [id]);
      return row;
    });
  }

  private async checkCase(m: EntityManager, caseId: string, supplierId: string, user: User): Promise<void> {
    const [row] = await m.query(
      `SELECT c.stage, coalesce(cm.roles, '{}') AS roles
         FROM cases c LEFT JOIN case_members cm ON cm.case_id = c.id AND cm.user_id = $2
        WHERE c.id = $1`,
      [caseId, user.id],
    );
    if (!row) throw notFound('case');
    const access: CaseAccess = { caseId, stage: row.stage, roles: row.roles, isAdmin: user.orgRole === 'admin' };
    assertAllowed('performance.record', access.stage, access);
    const c = await lockCase(m, access, 'performance.record');
    if (c.awardedSupplierId !== supplierId) {
      throw new DomainError('UNPROCESSABLE', 'the case was not awarded to this supplier', {
        errors: [{ field: 'caseId', message: `case ${c.reference} was awarded to another supplier` }],
      });
    }
  }

  /** Newest first. */
  async list(supplierId: string, limit: number, offset: number): Promise<Page<Record<string, unknown>>> {
    const [supplier] = await this.dataSource.query('SELECT 1 FROM suppliers WHERE id = $1', [supplierId]);
    if (!supplier) throw notFound('supplier');
    const items = await this.dataSource.query(
      `SELECT ${EVENT_COLUMNS} FROM performance_events WHERE supplier_id = $1
        ORDER BY date DESC, created_at DESC, id LIMIT $2 OFFSET $3`,
      [supplierId, limit, offset],
    );
    const [{ total }] = await this.dataSource.query('SELECT count(*)::int AS total FROM performance_events WHERE supplier_id = $1', [
      supplierId,
    ]);
    return { items, total };
  }
}
