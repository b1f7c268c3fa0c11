import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, Not } from 'typeorm';
import { type Page } from '../../common/paging';
import { DomainError, type FieldProblem, invalid, notFound } from '../../domain/errors';
import { edgeProblems, refusedFields } from '../../common/validation';
import { CreateSupplierDto, ListSuppliersQuery, UpdateSupplierDto } from './dto/supplier.dto';
import { storedContact } from './contacts';
import { Supplier } from './supplier.entity';
import { supplierView, type SupplierView } from './supplier.view';
import { SuppliersQueries } from './suppliers.queries';
import { normalizeTaxId } from './tax-id';
import { supplierBlocked } from '../../domain/webhooks/events';
import { WebhookOutbox } from '../webhooks/webhook-outbox';

/** The organization-wide supplier registry. Changes are org-level: no case audit, `updated_at` kept. */
@Injectable()
export class SuppliersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queries: SuppliersQueries,
    private readonly webhooks: WebhookOutbox,
  ) {}

  async create(dto: CreateSupplierDto): Promise<SupplierView> {
    return this.dataSource.transaction(async (m) => {
      // the body's problems and the blocking rule in one answer
      const edge = edgeProblems(dto);
      const refused = refusedFields(edge);
      const status = dto.status ?? 'active';
      const reason = dto.blockedReason ?? null;
      const blocking = refused.has('status') || refused.has('blockedReason') ? [] : blockingProblems(status, reason, dto.blockedReason !== undefined);
      if (edge.length + blocking.length > 0) throw invalid([...edge, ...blocking]);
      const blockedReason = status === 'blocked' ? reason : null;
      const taxIdNormalized = normalizeTaxId(dto.taxId);
      await this.checkTaxIdFree(m, dto.country, taxIdNormalized, null);
      const created = await this.saveUnique(
        m,
        m.create(Supplier, {
          legalName: dto.legalName,
          taxId: dto.taxId,
          taxIdNormalized,
          country: dto.country,
          categories: dto.categories ?? [],
          contacts: (dto.contacts ?? []).map(storedContact),
          certifications: (dto.certifications ?? []).map(certification),
          financialRisk: String(dto.financialRisk ?? 0),
          status,
          blockedReason,
        }),
      );
      return supplierView(await m.findOneByOrFail(Supplier, { id: created.id }));
    });
  }

  async list(query: ListSuppliersQuery): Promise<Page<SupplierView>> {
    if (query.validOn && !query.certification) throw invalid('validOn', 'validOn needs certification: the certification valid on that date');
    const [items, total] = await this.queries.search(this.dataSource.manager, query);
    return { items: items.map(supplierView), total };
  }

  async get(id: string): Promise<SupplierView> {
    const found = await this.dataSource.getRepository(Supplier).findOneBy({ id });
    if (!found) throw notFound('supplier');
    return supplierView(found);
  }

  async update(id: string, dto: UpdateSupplierDto): Promise<SupplierView> {
    return this.dataSource.transaction(async (m) => {
      // the body's problems and the blocking rule in one answer; a bad body is a 400 even for an unknown supplier, as before
      const edge = edgeProblems(dto);
      const refused = refusedFields(edge);
      const s = await m.findOne(Supplier, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!s && edge.length > 0) throw invalid(edge);
      if (!s) throw notFound('supplier');
      const given = Object.entries(dto).filter(([, v]) => v !== undefined);
      if (given.length === 0 && edge.length === 0) throw invalid('body', 'no field to change');
      const status = dto.status ?? s.status;
      const becomesBlocked = status === 'blocked' && s.status !== 'blocked';
      // back to active: the reason for the block no longer applies
      const reason = dto.blockedReason ?? (status === 'active' ? null : s.blockedReason);
      const blocking = refused.has('status') || refused.has('blockedReason') ? [] : blockingProblems(status, reason, dto.blockedReason !== undefined);
      if (edge.length + blocking.length > 0) throw invalid([...edge, ...blocking]);
      s.blockedReason = status === 'blocked' ? reason : null;
      s.status = status;
      if (dto.legalName !== undefined) s.legalName = dto.legalName;
      if (dto.taxId !== undefined) s.taxId = dto.taxId;
      if (dto.country !== undefined) s.country = dto.country;
      if (dto.taxId !== undefined || dto.country !== undefined) {
        s.taxIdNormalized = normalizeTaxId(s.taxId);
        await this.checkTaxIdFree(m, s.country, s.taxIdNormalized, s.id);
      }
      if (dto.categories !== undefined) s.categories = dto.categories;
      if (dto.contacts !== undefined) s.contacts = dto.contacts.map(storedContact);
      if (dto.certifications !== undefined) s.certifications = dto.certifications.map(certification);
      if (dto.financialRisk !== undefined) s.financialRisk = String(dto.financialRisk);
      s.updatedAt = new Date();
      await this.saveUnique(m, s);
      if (becomesBlocked) await this.webhooks.publish(m, supplierBlocked(id), null);
      return supplierView(await m.findOneByOrFail(Supplier, { id }));
    });
  }

  private async checkTaxIdFree(m: EntityManager, country: string, taxIdNormalized: string, exceptId: string | null): Promise<void> {
    const clash = await m.findOne(Supplier, {
      select: { id: true },
      where: { country, taxIdNormalized, ...(exceptId === null ? {} : { id: Not(exceptId) }) },
    });
    if (clash) throw taxIdTaken(country, taxIdNormalized, clash.id);
  }

  /** The pre-check reads before writing; two writers racing on one tax id still meet the unique index. */
  private async saveUnique(m: EntityManager, s: Supplier): Promise<Supplier> {
    try {
      return await m.save(s);
    } catch (err) {
      if ((err as { code?: string }).code === '23505') throw taxIdTaken(s.country, s.taxIdNormalized, null);
      throw err;
    }
  }
}

function taxIdTaken(country: string, taxIdNormalized: string, existingId: string | null): DomainError {
  return new DomainError('CONFLICT', `a supplier with tax id ${taxIdNormalized} in ${country} is already registered`, {
    errors: [{ field: 'taxId', message: `tax id ${taxIdNormalized} is already registered in ${country}` }],
    existingSupplierId: existingId,
  });
}

/** A blocked supplier carries the reason it was blocked; an active one has none. */
function blockingProblems(status: string, reason: string | null, reasonGiven: boolean): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (status === 'blocked' && !reason) problems.push({ field: 'blockedReason', message: 'blockedReason is required when status is blocked' });
  if (status === 'active' && reasonGiven) problems.push({ field: 'blockedReason', message: 'blockedReason is only for a blocked supplier' });
  return problems;
}

// stored as plain JSON, with only the documented keys
const certification = (c: { name: string; issuedOn: string; expiresOn: string }) => ({ name: c.name, issuedOn: c.issuedOn, expiresOn: c.expiresOn });
