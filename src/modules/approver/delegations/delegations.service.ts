import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import type { AuthUser } from '../../../common/auth';
import { DomainError, invalid } from '../../../domain/errors';
import { OrgAuditService } from '../../audit/org-audit.service';
import { User } from '../../users/user.entity';
import { Delegation } from '../entities';
import type { DelegationDto } from './delegation.dto';

const MAX_DAYS = 90;

/**
 * Delegation while away (README "Approver pages"): an approver, or an admin for someone absent,
 * names a delegate for a period. The delegate then holds the approver role on that approver's
 * cases (the access guard's case roles) and signs "on behalf of" them, under the same segregation
 * of duties and conflict-of-interest checks. Each change is in the organization audit trail.
 */
@Injectable()
export class DelegationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orgAudit: OrgAuditService,
  ) {}

  async create(userId: string, dto: DelegationDto, actor: AuthUser) {
    return this.dataSource.transaction(async (m) => {
      const user = await this.subject(m, userId, actor);
      const from = new Date(dto.from);
      const until = new Date(dto.until);
      if (until.getTime() <= from.getTime()) throw invalid('until', 'until must come after from');
      if (until.getTime() <= Date.now()) throw invalid('until', 'until must be in the future');
      if (until.getTime() - from.getTime() > MAX_DAYS * 24 * 3600 * 1000) throw invalid('until', `a delegation lasts at most ${MAX_DAYS} days`);
      if (dto.delegateId === user.id) throw invalid('delegateId', 'nobody is their own delegate');
      const delegate = await m.findOneBy(User, { id: dto.delegateId });
      if (!delegate) throw invalid('delegateId', 'no such user');
      if (!delegate.orgRoles.includes('approver')) throw invalid('delegateId', 'the delegate must hold the approver organization role');
      const row = await m.save(m.create(Delegation, { userId: user.id, delegateId: delegate.id, startsAt: from, endsAt: until, createdBy: actor.id, revokedAt: null }));
      await this.orgAudit.append(m, actor.id, 'delegation.created', { delegationId: row.id, userId: user.id, delegateId: delegate.id, from: dto.from, until: dto.until });
      return view(row, delegate.name);
    });
  }

  async list(userId: string, actor: AuthUser) {
    const m = this.dataSource.manager;
    await this.subject(m, userId, actor);
    const rows = await m.find(Delegation, { where: { userId }, order: { startsAt: 'DESC', id: 'ASC' } });
    const names = new Map((await m.findBy(User, rows.map((r) => ({ id: r.delegateId })))).map((u) => [u.id, u.name]));
    const items = rows.map((r) => view(r, names.get(r.delegateId) ?? ''));
    return { items, total: items.length };
  }

  /** Ends every delegation of the user not yet revoked (the approver is back). */
  async revokeAll(userId: string, actor: AuthUser): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await this.subject(m, userId, actor);
      const live = await m.find(Delegation, { where: { userId, revokedAt: IsNull() } });
      if (live.length === 0) return;
      await m.update(Delegation, { userId, revokedAt: IsNull() }, { revokedAt: new Date() });
      await this.orgAudit.append(m, actor.id, 'delegation.revoked', { userId, delegationIds: live.map((d) => d.id) });
    });
  }

  /**
   * One's own delegations, or anyone's for an admin (someone absent cannot name their delegate);
   * another user's are not found, as a case is not found by someone with no part in it.
   */
  private async subject(m: EntityManager, userId: string, actor: AuthUser): Promise<User> {
    const user = actor.orgRole === 'admin' || actor.id === userId ? await m.findOneBy(User, { id: userId }) : null;
    if (!user) throw new DomainError('NOT_FOUND', 'user not found');
    return user;
  }
}

function view(d: Delegation, delegateName: string) {
  return {
    id: d.id,
    userId: d.userId,
    delegateId: d.delegateId,
    delegateName,
    from: d.startsAt,
    until: d.endsAt,
    createdBy: d.createdBy,
    createdAt: d.createdAt,
    revokedAt: d.revokedAt,
  };
}
