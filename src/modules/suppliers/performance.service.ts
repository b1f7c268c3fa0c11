import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { type CaseAccess } from '../../common/auth';
import { lockCase } from '../cases/case-lock';
import { type Page } from '../../common/paging';
import { DomainError, invalid, notFound } from '../../domain/errors';
import { assertAllowed } from '../../domain/lifecycle/permissions';
import { AuditService } from '../audit/audit.service';
import { AuthQueries } from '../auth/auth.queries';
import { CaseNotices } from '../messages/case-notices';
import { User } from '../users/user.entity';
import { fileProblems, MAX_PROBLEMS, records } from './csv-records';
import { PerformanceEventDto } from './dto/performance.dto';
import { type PerformanceCsvColumn, type PerformanceRow, readPerformanceHeader, readPerformanceRow } from './performance-csv';
import { type RowProblem } from './supplier-csv';
import { SuppliersQueries } from './suppliers.queries';
import { PerformanceEvent, Supplier } from './supplier.entity';

/** Events per INSERT of the performance import. */
const BATCH = 1000;

export interface PerformanceImportResult {
  created: number;
  /** every row of the file with the event it created and the supplier it is for, by line */
  rows: Array<{ line: number; eventId: string; supplierId: string }>;
}

/** The stored form of one event: the fields of the other type are null. */
function eventRow(supplierId: string, dto: PerformanceEventDto, userId: string) {
  return {
    supplierId,
    type: dto.type,
    date: dto.date,
    onTime: dto.type === 'delivery' ? dto.onTime! : null,
    inFull: dto.type === 'delivery' ? dto.inFull! : null,
    severity: dto.type === 'incident' ? dto.severity! : null,
    description: dto.type === 'incident' ? dto.description! : null,
    caseId: dto.type === 'delivery' ? (dto.caseId ?? null) : null,
    createdBy: userId,
  };
}

/** The supplier's performance record: dated deliveries and quality incidents, the input of its reliability score. */
@Injectable()
export class PerformanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly auth: AuthQueries,
    private readonly queries: SuppliersQueries,
    private readonly notices: CaseNotices,
  ) {}

  /**
   * The registry (and admins) record performance; the guard checked `performance.write`. A delivery against a case is
   * the delivered performance of an AWARDED case: only that case's buyer records it, only for the
   * supplier it was awarded to, and the case's audit trail says so.
   */
  async record(supplierId: string, dto: PerformanceEventDto, user: User) {
    const [event] = await this.recordMany(supplierId, [dto], user, 'caseId');
    return event;
  }

  async recordBatch(supplierId: string, events: readonly PerformanceEventDto[], user: User): Promise<{ items: PerformanceEvent[]; total: number }> {
    const items = await this.recordMany(supplierId, events, user);
    return { items, total: items.length };
  }

  /**
   * Many events of one supplier, in one transaction: all recorded or none. Each delivery against
   * a case is checked and audited as a single one would be; a refusal names the event (`events.3.caseId`).
   */
  async recordMany(supplierId: string, events: readonly PerformanceEventDto[], user: User, caseField?: string): Promise<PerformanceEvent[]> {
    return this.dataSource.transaction(async (m) => {
      // the organization's record is the registry's; a buyer records only their AWARDED case's delivery
      if (events.some((dto) => dto.type !== 'delivery' || !dto.caseId)) {
        assertAllowed('registry.write', null, { isAdmin: user.orgRole === 'admin', orgRoles: user.orgRoles });
      }
      const supplier = await m.findOne(Supplier, { select: { id: true, legalName: true }, where: { id: supplierId }, lock: { mode: 'pessimistic_read' } });
      if (!supplier) throw notFound('supplier');
      const ids: string[] = [];
      for (const [i, dto] of events.entries()) {
        const caseId = dto.type === 'delivery' ? (dto.caseId ?? null) : null;
        if (caseId) await this.checkCase(m, caseId, supplierId, user, caseField ?? `events.${i}.caseId`);
        const { identifiers } = await m.insert(PerformanceEvent, eventRow(supplierId, dto, user.id));
        const id = String(identifiers[0].id);
        ids.push(id);
        // a quality incident is told to the supplier's quality contacts (README "Messages")
        if (dto.type === 'incident') await this.notices.qualityIncident(m, supplierId, { date: dto.date, severity: dto.severity!, description: dto.description! }, user);
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
      }
      const stored = new Map((await m.findBy(PerformanceEvent, { id: In(ids) })).map((e) => [e.id, e]));
      return ids.map((id) => stored.get(id)!);
    });
  }

  /**
   * The performance CSV (README "Performance import"): events of many suppliers, all or nothing.
   * Every problem of every row is named with its line and column, including a supplier the
   * registry does not know; then every event is inserted in one transaction.
   */
  async importCsv(body: unknown, user: User): Promise<PerformanceImportResult> {
    if (typeof body !== 'string') throw invalid('body', 'send the CSV file as the request body with Content-Type: text/csv');
    const problems: RowProblem[] = [];
    const rows: PerformanceRow[] = [];
    let columns: Map<PerformanceCsvColumn, number> | null = null;
    for await (const record of records(body, problems)) {
      if (columns === null) {
        const header = readPerformanceHeader(record.fields, record.line);
        if (header.problems.length > 0) throw fileProblems(header.problems);
        columns = header.columns;
        continue;
      }
      const read = readPerformanceRow(record.fields, columns, record.line);
      problems.push(...read.problems);
      if (read.row) rows.push(read.row);
      if (problems.length > MAX_PROBLEMS) break;
    }
    if (columns === null) throw fileProblems([{ line: 1, column: null, reason: 'the file is empty: expected a header row' }]);
    return this.dataSource.transaction(async (m) => {
      const keys = [...new Set(rows.map((r) => r.supplierKey))];
      const suppliers = await this.queries.suppliersByKey(m, keys);
      for (const row of rows) {
        if (!suppliers.has(row.supplierKey)) {
          const [country, taxId] = row.supplierKey.split('|');
          problems.push({ line: row.line, column: 'taxId', reason: `no supplier with tax id ${taxId} in ${country} in the registry` });
        }
      }
      if (problems.length > 0) throw fileProblems(problems.sort((a, b) => a.line - b.line));
      if (rows.length === 0) throw invalid('body', 'the file has a header but no event rows');
      const result: PerformanceImportResult = { created: 0, rows: [] };
      for (let start = 0; start < rows.length; start += BATCH) {
        const batch = rows.slice(start, start + BATCH);
        const { identifiers } = await m.insert(
          PerformanceEvent,
          batch.map((r) => eventRow(suppliers.get(r.supplierKey)!, r.event, user.id)),
        );
        batch.forEach((r, i) => result.rows.push({ line: r.line, eventId: String(identifiers[i].id), supplierId: suppliers.get(r.supplierKey)! }));
      }
      result.created = result.rows.length;
      return result;
    });
  }

  private async checkCase(m: EntityManager, caseId: string, supplierId: string, user: User, field: string): Promise<void> {
    const row = await this.auth.caseAccess(m, caseId, user.id);
    if (!row) throw notFound('case');
    const access: CaseAccess = { caseId, stage: row.stage, roles: row.roles, isAdmin: user.orgRole === 'admin' };
    assertAllowed('performance.record', access.stage, access);
    const c = await lockCase(m, access, 'performance.record');
    if (c.awardedSupplierId !== supplierId) {
      throw new DomainError('UNPROCESSABLE', 'the case was not awarded to this supplier', {
        errors: [{ field, message: `case ${c.reference} was awarded to another supplier` }],
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
