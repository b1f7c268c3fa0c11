import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type Page } from '../../common/paging';
import { type ChainCheck, GENESIS_HASH, linkHash, verifyChain } from '../../domain/audit/canonical-json';
import { Case } from '../cases/case.entity';
import { AuditEvent } from './audit-event.entity';
import { AuditQueries, type RecentEvent } from './audit.queries';
import { OrgAuditService } from './org-audit.service';
import { AuditTaps } from './audit-taps';
import { type CaseChainCheck, checkAgainstHeads } from '../../domain/audit/chain-head';

@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queries: AuditQueries,
    private readonly orgAudit: OrgAuditService,
    private readonly taps: AuditTaps,
  ) {}

  /**
   * Appends one event to the case's hash chain, inside the caller's transaction.
   * The case row is locked first so that two writers never take the same sequence number.
   */
  async append(m: EntityManager, caseId: string, actorId: string | null, action: string, data: object): Promise<AuditEvent> {
    await m.findOne(Case, { select: { id: true }, where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
    const last = await m.findOne(AuditEvent, { select: { seq: true, hash: true }, where: { caseId }, order: { seq: 'DESC' } });
    const seq = last ? last.seq + 1 : 1;
    const prevHash: string = last ? last.hash : GENESIS_HASH;
    const createdAt = new Date();
    // round-trip through JSON so what is hashed is exactly what jsonb gives back
    const plain = JSON.parse(JSON.stringify(data)) as object;
    const hash = linkHash({ caseId, seq, actorId, action, data: plain, createdAt: createdAt.toISOString(), prevHash });
    const event = m.create(AuditEvent, { caseId, seq, actorId, action, data: plain, createdAt, prevHash, hash });
    await m.insert(AuditEvent, event);
    // a trail that cannot be cut short: the case row and the organization trail record the new head
    await this.queries.setCaseHead(m, caseId, seq, hash);
    await this.orgAudit.append(m, null, 'case.head', { caseId, seq, hash });
    // the webhook outbox, in this same transaction
    await this.taps.caseEvent(m, event);
    return event;
  }

  async list(caseId: string, limit: number, offset: number): Promise<Page<AuditEvent>> {
    const [items, total] = await this.dataSource.getRepository(AuditEvent).findAndCount({
      where: { caseId },
      order: { seq: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { items, total };
  }

  /**
   * Recomputes the whole chain and compares its end with the heads recorded on the case row and in
   * the organization trail (a removed tail is reported `truncated`); `m` lets a transaction check
   * what it has itself appended.
   */
  async verify(caseId: string, m: EntityManager = this.dataSource.manager): Promise<CaseChainCheck> {
    const { row, linked } = await this.queries.caseHeads(m, caseId);
    return checkAgainstHeads(await this.verifyLinks(caseId, m), [row, linked]);
  }

  /**
   * The chain's head as stored, checked against the heads recorded on the case row and in the
   * organization trail, without re-hashing the chain: events are append-only (the database refuses
   * UPDATE and DELETE), so the stored tail and the recorded heads agreeing says what `verify` would
   * for an intact chain. The report's digest uses it; `verify` re-hashes every link.
   */
  async storedHead(caseId: string, m: EntityManager = this.dataSource.manager): Promise<CaseChainCheck> {
    const { row, linked } = await this.queries.caseHeads(m, caseId);
    const tail = await this.queries.storedTail(m, caseId);
    const contiguous = tail.seq === null || tail.seq === tail.events;
    const chain: ChainCheck = {
      valid: contiguous,
      length: tail.events,
      headHash: tail.hash ?? GENESIS_HASH,
      firstBrokenSeq: contiguous ? null : Math.min(tail.events, tail.seq ?? 0),
    };
    return checkAgainstHeads(chain, [row, linked]);
  }

  /** Every case's chain and the organization's, in one pass (admin: GET /audit/verify). */
  async verifyAll(): Promise<{ valid: boolean; cases: number; invalidCases: Array<{ caseId: string } & CaseChainCheck>; organization: ChainCheck }> {
    const m = this.dataSource.manager;
    const invalidCases = [];
    const ids = await this.queries.caseIds(m);
    for (const caseId of ids) {
      const check = await this.verify(caseId, m);
      if (!check.valid) invalidCases.push({ caseId, ...check });
    }
    const organization = await this.orgAudit.verify(m);
    return { valid: invalidCases.length === 0 && organization.valid, cases: ids.length, invalidCases, organization };
  }

  private async verifyLinks(caseId: string, m: EntityManager): Promise<ChainCheck> {
    const events = await m.getRepository(AuditEvent).find({ where: { caseId }, order: { seq: 'ASC' } });
    if (events.length === 0) return { valid: true, length: 0, headHash: GENESIS_HASH, firstBrokenSeq: null };
    return verifyChain(
      events.map((e) => ({
        caseId: e.caseId,
        seq: e.seq,
        actorId: e.actorId,
        action: e.action,
        data: e.data,
        createdAt: e.createdAt.toISOString(),
        prevHash: e.prevHash,
        hash: e.hash,
      })),
    );
  }

  /** The latest events, newest first, with the actor's name ('system' when no one acted). */
  async recent(m: EntityManager, caseId: string, limit: number): Promise<RecentEvent[]> {
    return this.queries.recent(m, caseId, limit);
  }
}
