import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type Page } from '../../common/paging';
import { type ChainCheck, GENESIS_HASH, linkHash, verifyChain } from '../../domain/audit/canonical-json';
import { Case } from '../cases/case.entity';
import { AuditEvent } from './audit-event.entity';
import { AuditQueries, type RecentEvent } from './audit.queries';

@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queries: AuditQueries,
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

  /** Recomputes the whole chain; `m` lets a transaction check what it has itself appended. */
  async verify(caseId: string, m: EntityManager = this.dataSource.manager): Promise<ChainCheck> {
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
