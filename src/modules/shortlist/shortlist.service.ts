import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type CaseAccess } from '../../common/auth';
import { lockCase } from '../cases/case-lock';
import { type PageQuery } from '../../common/paging';
import { DomainError, invalid, notFound } from '../../domain/errors';
import { SHORTLIST_MINIMUM } from '../../domain/lifecycle/stages';
import { registryFailures } from '../../domain/requirements';
import { AuditService } from '../audit/audit.service';
import { Case } from '../cases/case.entity';
import { LifecycleHooks } from '../lifecycle/lifecycle-hooks';
import { currentSpecification } from '../specification/specification.reader';
import { todayUtc } from '../suppliers/dto/validators';
import { ReliabilityService } from '../suppliers/reliability.service';
import { Supplier } from '../suppliers/supplier.entity';
import { CaseNotices } from '../messages/case-notices';
import { User } from '../users/user.entity';
import { AddToShortlistDto, JustificationDto, ShortlistApprovalDto, UpdateShortlistEntryDto } from './dto/shortlist.dto';
import { ShortlistEntry } from './shortlist-entry.entity';
import { type ShortlistEntryView, ShortlistQueries } from './shortlist.queries';

/**
 * The suppliers considered for a case: suggestions from the registry, the buyer's shortlist with
 * exclusions and their reasons, a sole-source justification, and the gatekeeper's approval, which
 * any later change clears. Each change is audited on the case.
 */
@Injectable()
export class ShortlistService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly hooks: LifecycleHooks,
    private readonly reliability: ReliabilityService,
    private readonly queries: ShortlistQueries,
    private readonly notices: CaseNotices,
  ) {}

  onModuleInit(): void {
    // the case row is the one the transition locked: its justification and approval are current
    this.hooks.contributeFacts(async (m, c, facts) => {
      facts.shortlist = {
        shortlisted: await m.countBy(ShortlistEntry, { caseId: c.id, status: 'shortlisted' }),
        soleSourceJustification: (c.soleSourceJustification ?? '') !== '',
        approved: c.shortlistApprovedAt !== null,
      };
    });
  }

  /**
   * Active suppliers of the case's category ranked by reliability (today), each with the mandatory
   * certification requirements of the current specification it fails, and whether it is already on
   * the shortlist.
   */
  async suggestions(access: CaseAccess, page: PageQuery) {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const c = await m.findOneByOrFail(Case, { id: access.caseId });
      const today = todayUtc();
      const candidates = await this.queries.candidates(m, c.id, c.category);
      const scores = await this.reliability.forSuppliers(m, candidates.map((s) => s.id), today);
      const requirements = (await currentSpecification(m, c.id))?.requirements ?? [];
      const incumbent = await this.incumbentOf(m, c);
      const ranked = candidates
        .map((s) => {
          const reliability = scores.get(s.id)!;
          const fails = registryFailures(requirements, s.certifications, today);
          return {
            supplierId: s.id,
            legalName: s.legalName,
            country: s.country,
            score: reliability.score,
            parts: reliability.parts,
            fails,
            eligible: fails.length === 0 && (incumbent === undefined || incumbent === s.id),
            incumbent: incumbent === s.id,
            alreadyShortlisted: s.entryStatus !== null,
            shortlistStatus: s.entryStatus,
          };
        })
        .sort((a, b) => b.score - a.score || a.legalName.localeCompare(b.legalName) || a.supplierId.localeCompare(b.supplierId));
      return { items: ranked.slice(page.offset, page.offset + page.limit), total: ranked.length, category: c.category, asOf: today };
    });
  }

  async list(caseId: string) {
    return this.view(this.dataSource.manager, caseId);
  }

  async add(access: CaseAccess, dto: AddToShortlistDto, user: User) {
    return this.dataSource.transaction(async (m) => {
      const c = await lockCase(m, access, 'shortlist.write');
      const wasReady = await this.readyForApproval(m, c);
      const supplier = await m.findOne(Supplier, {
        select: { id: true, legalName: true, status: true, blockedReason: true },
        where: { id: dto.supplierId },
      });
      if (!supplier) {
        throw invalid('supplierId', 'supplier not found');
      }
      refuseBlocked(supplier);
      const incumbent = await this.incumbentOf(m, c);
      if (incumbent !== undefined && incumbent !== supplier.id) {
        throw new DomainError('UNPROCESSABLE', 'a straight rebuy shortlists only the incumbent supplier of the previous case', {
          errors: [
            {
              field: 'supplierId',
              message: incumbent
                ? `only the incumbent (supplier ${incumbent}) may be shortlisted in a straight rebuy`
                : 'the previous case names no awarded supplier, so nobody may be shortlisted',
            },
          ],
          incumbentSupplierId: incumbent,
        });
      }
      const existing = await m.findOneBy(ShortlistEntry, { caseId: c.id, supplierId: supplier.id });
      if (existing) {
        throw new DomainError('CONFLICT', `${supplier.legalName} is already on the shortlist (${existing.status}); change it with PATCH`, {
          errors: [{ field: 'supplierId', message: 'already on the shortlist' }],
        });
      }
      await m.insert(ShortlistEntry, { caseId: c.id, supplierId: supplier.id, status: 'shortlisted', reason: dto.reason ?? null, addedBy: user.id });
      await this.audit.append(m, c.id, user.id, 'shortlist.supplier_added', {
        supplierId: supplier.id,
        legalName: supplier.legalName,
        reason: dto.reason ?? null,
      });
      await this.clearApproval(m, c, user, 'supplier added');
      await this.tellGatekeepers(m, c, user, wasReady);
      return this.entry(m, c.id, supplier.id);
    });
  }

  /** Excludes or reinstates a supplier of the shortlist, always with a reason. */
  async setStatus(access: CaseAccess, supplierId: string, dto: UpdateShortlistEntryDto, user: User) {
    return this.dataSource.transaction(async (m) => {
      const c = await lockCase(m, access, 'shortlist.write');
      const wasReady = await this.readyForApproval(m, c);
      const entry = await m.findOneBy(ShortlistEntry, { caseId: c.id, supplierId });
      if (!entry) throw notFound('shortlist entry');
      if (dto.status === 'shortlisted') {
        refuseBlocked(await m.findOneOrFail(Supplier, { select: { id: true, legalName: true, status: true, blockedReason: true }, where: { id: supplierId } }));
      }
      const from = entry.status;
      await m.update(ShortlistEntry, { caseId: c.id, supplierId }, { status: dto.status, reason: dto.reason });
      const action = from === dto.status ? 'shortlist.reason_changed' : dto.status === 'excluded' ? 'shortlist.supplier_excluded' : 'shortlist.supplier_reinstated';
      await this.audit.append(m, c.id, user.id, action, { supplierId, from, to: dto.status, reason: dto.reason, previousReason: entry.reason });
      await this.clearApproval(m, c, user, action);
      await this.tellGatekeepers(m, c, user, wasReady);
      return this.entry(m, c.id, supplierId);
    });
  }

  /** The written reason a shortlist below the purchase type's minimum is enough (sole source). */
  async justify(access: CaseAccess, dto: JustificationDto, user: User) {
    return this.dataSource.transaction(async (m) => {
      const c = await lockCase(m, access, 'shortlist.write');
      const previous = c.soleSourceJustification;
      const wasReady = await this.readyForApproval(m, c);
      await m.update(Case, { id: c.id }, { soleSourceJustification: dto.text });
      c.soleSourceJustification = dto.text;
      await this.audit.append(m, c.id, user.id, 'shortlist.justification_set', { text: dto.text, previous });
      await this.clearApproval(m, c, user, 'justification changed');
      await this.tellGatekeepers(m, c, user, wasReady);
      return this.view(m, c.id);
    });
  }

  /** The gatekeeper approves the shortlist as it stands; the approval records who and when. */
  async approve(access: CaseAccess, dto: ShortlistApprovalDto, user: User) {
    return this.dataSource.transaction(async (m) => {
      const c = await lockCase(m, access, 'shortlist.approve');
      if (c.shortlistApprovedAt) {
        throw new DomainError('CONFLICT', 'the shortlist is already approved; a change to it clears the approval');
      }
      const entries = await this.queries.entries(m, c.id);
      const shortlisted = entries.filter((e) => e.status === 'shortlisted');
      if (shortlisted.length === 0) {
        throw new DomainError('PRECONDITIONS_UNMET', 'there is no shortlisted supplier to approve', {
          unmet: [{ code: 'SHORTLIST_EMPTY', message: 'no supplier is shortlisted' }],
        });
      }
      // a supplier blocked in the registry after it was shortlisted must be excluded before invitations go out
      const blocked = shortlisted.filter((e) => e.supplierStatus === 'blocked');
      if (blocked.length > 0) {
        throw new DomainError('UNPROCESSABLE', 'the shortlist holds a blocked supplier; exclude it first', {
          errors: blocked.map((e) => ({ field: 'shortlist', message: `${e.legalName} (${e.supplierId}) is blocked` })),
        });
      }
      await m.update(Case, { id: c.id }, { shortlistApprovedAt: () => 'now()', shortlistApprovedBy: user.id });
      await this.audit.append(m, c.id, user.id, 'shortlist.approved', {
        entries: entries.map((e) => ({ supplierId: e.supplierId, status: e.status })),
        soleSourceJustification: c.soleSourceJustification,
        comment: dto.comment ?? null,
      });
      return this.view(m, c.id);
    });
  }

  /** What the gatekeeper approved is what goes out: any change after the approval withdraws it. */
  private async clearApproval(m: EntityManager, c: Case, user: User, cause: string): Promise<void> {
    if (!c.shortlistApprovedAt) return;
    await m.update(Case, { id: c.id }, { shortlistApprovedAt: null, shortlistApprovedBy: null });
    await this.audit.append(m, c.id, user.id, 'shortlist.approval_cleared', {
      cause,
      approvedAt: c.shortlistApprovedAt,
      approvedBy: c.shortlistApprovedBy,
    });
    c.shortlistApprovedAt = null;
    c.shortlistApprovedBy = null;
  }

  /**
   * Waiting for the gatekeeper: not approved, and enough shortlisted suppliers for the purchase type
   * (or at least one with a sole-source justification) — what leaving SHORTLISTING asks besides the approval.
   */
  private async readyForApproval(m: EntityManager, c: Case): Promise<boolean> {
    if (c.shortlistApprovedAt) return false;
    const shortlisted = await m.countBy(ShortlistEntry, { caseId: c.id, status: 'shortlisted' });
    return shortlisted >= SHORTLIST_MINIMUM[c.purchaseType] || (shortlisted >= 1 && (c.soleSourceJustification ?? '') !== '');
  }

  /**
   * "The shortlist awaits your approval" goes to the gatekeepers when a change makes the shortlist
   * ready for them (it was not: too short, or approved before this change cleared it), once per
   * such turn, not at every later addition.
   */
  private async tellGatekeepers(m: EntityManager, c: Case, buyer: User, wasReady: boolean): Promise<void> {
    if (wasReady || !(await this.readyForApproval(m, c))) return;
    const shortlisted = await m.countBy(ShortlistEntry, { caseId: c.id, status: 'shortlisted' });
    await this.notices.shortlistAwaitingApproval(m, c, buyer, shortlisted);
  }

  /**
   * A straight rebuy admits one supplier: the incumbent its previous case was awarded to (null when
   * that case names none, so nobody is admissible). Other purchase types: undefined, no restriction.
   */
  private async incumbentOf(m: EntityManager, c: Case): Promise<string | null | undefined> {
    if (c.purchaseType !== 'straight_rebuy') return undefined;
    if (!c.previousCaseId) return null;
    const previous = await m.findOne(Case, { select: { id: true, awardedSupplierId: true }, where: { id: c.previousCaseId } });
    return previous?.awardedSupplierId ?? null;
  }

  /** The entry just written in this transaction, as the API shows it. */
  private async entry(m: EntityManager, caseId: string, supplierId: string): Promise<ShortlistEntryView> {
    const entry = await this.queries.entry(m, caseId, supplierId);
    if (!entry) throw new Error(`shortlist entry of supplier ${supplierId} missing right after its write`);
    return entry;
  }

  private async view(m: EntityManager, caseId: string) {
    const c = await m.findOneByOrFail(Case, { id: caseId });
    const items = await this.queries.entries(m, caseId);
    const shortlisted = items.filter((e) => e.status === 'shortlisted').length;
    return {
      items,
      total: items.length,
      shortlisted,
      excluded: items.length - shortlisted,
      minimum: SHORTLIST_MINIMUM[c.purchaseType],
      soleSourceJustification: c.soleSourceJustification,
      approval: { approved: c.shortlistApprovedAt !== null, approvedAt: c.shortlistApprovedAt, approvedBy: c.shortlistApprovedBy },
    };
  }
}

function refuseBlocked(supplier: { legalName: string; status: string; blockedReason: string | null }): void {
  if (supplier.status === 'blocked') {
    throw new DomainError('UNPROCESSABLE', `${supplier.legalName} is blocked and cannot be shortlisted`, {
      errors: [{ field: 'supplierId', message: `supplier is blocked: ${supplier.blockedReason}` }],
    });
  }
}
