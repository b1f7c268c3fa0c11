import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type Page } from '../../common/paging';
import { type ChainCheck, GENESIS_HASH, linkHash, verifyChain } from '../../domain/audit/canonical-json';
import { OrgAuditEvent } from './org-audit-event.entity';
import { AuditQueries } from './audit.queries';

/** The chain name the organization trail's links carry where a case's carry its id. */
export const ORGANIZATION_CHAIN = 'organization';

/**
 * The organization audit trail: what happens outside any case (users created, organization roles
 * granted), appended in the writer's transaction, one hash chain for the whole organization.
 */
@Injectable()
export class OrgAuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queries: AuditQueries,
  ) {}

  /** Appends one event; the trail is locked first so that two writers never take the same sequence number. */
  async append(m: EntityManager, actorId: string | null, action: string, data: object): Promise<OrgAuditEvent> {
    const last = await this.queries.lockOrgHead(m);
    const seq = last ? last.seq + 1 : 1;
    const prevHash = last ? last.hash : GENESIS_HASH;
    const createdAt = new Date();
    const plain = JSON.parse(JSON.stringify(data)) as object;
    const hash = linkHash({ caseId: ORGANIZATION_CHAIN, seq, actorId, action, data: plain, createdAt: createdAt.toISOString(), prevHash });
    const event = m.create(OrgAuditEvent, { seq, actorId, action, data: plain, createdAt, prevHash, hash });
    await m.insert(OrgAuditEvent, event);
    return event;
  }

  async list(limit: number, offset: number): Promise<Page<OrgAuditEvent>> {
    const [items, total] = await this.dataSource.getRepository(OrgAuditEvent).findAndCount({ order: { seq: 'ASC' }, take: limit, skip: offset });
    return { items, total };
  }

  async verify(m: EntityManager = this.dataSource.manager): Promise<ChainCheck> {
    const events = await m.getRepository(OrgAuditEvent).find({ order: { seq: 'ASC' } });
    if (events.length === 0) return { valid: true, length: 0, headHash: GENESIS_HASH, firstBrokenSeq: null };
    return verifyChain(events.map((e) => ({ ...e, caseId: ORGANIZATION_CHAIN, createdAt: e.createdAt.toISOString() })));
  }
}
