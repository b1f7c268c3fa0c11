import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type CaseAccess } from '../../common/auth';
import { lockCase } from '../cases/case-lock';
import { type Page } from '../../common/paging';
import { DomainError, notFound } from '../../domain/errors';
import { assertAllowed } from '../../domain/lifecycle/permissions';
import { AuditService } from '../audit/audit.service';
import { AuthQueries } from '../auth/auth.queries';
import { User } from '../users/user.entity';
import { PerformanceEventDto } from './dto/performance.dto';
import { PerformanceEvent, Supplier } from './supplier.entity';

/** The supplier's performance record: dated deliveries and quality incidents, the input of its reliability score. */
@Injectable()
export class PerformanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly auth: AuthQueries,
  ) {}

  /**
   * The registry (and admins) record performance; the guard checked `performance.write`. A delivery against a case is
   * the delivered performance of an AWARDED case: only that case's buyer records it, only for the
   * supplier it was awarded to, and the case's audit trail says so.
   */
  async record(supplierId: string, dto: PerformanceEventDto, user: User) {
    return this.dataSource.transaction(async (m) => {
      const caseId = dto.type === 'delivery' ? (dto.caseId ?? null) : null;
      // the organization's record is the registry's; a buyer records only their AWARDED case's delivery
      if (!caseId) assertAllowed('registry.write', null, { isAdmin: user.orgRole === 'admin', orgRoles: user.orgRoles });
      const supplier = await m.findOne(Supplier, { select: { id: true, legalName: true }, where: { id: supplierId }, lock: { mode: 'pessimistic_read' } });
      if (!supplier) throw notFound('supplier');
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
      return m.findOneByOrFail(PerformanceEvent, { id });
    });
  }

  private async checkCase(m: EntityManager, caseId: string, supplierId: string, user: User): Promise<void> {
    const row = await this.auth.caseAccess(m, caseId, user.id);
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
  async list(supplierId: string, limit: number, offset: number): Promise<Page<PerformanceEvent>> {
    const m = this.dataSource.manager;
    if (!(await m.existsBy(Supplier, { id: supplierId }))) throw notFound('supplier');
    const [items, total] = await m.findAndCount(PerformanceEvent, {
      where: { supplierId },
      order: { date: 'DESC', createdAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { items, total };
  }
}
