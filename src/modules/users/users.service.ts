import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { sha256 } from '../../domain/audit/canonical-json';
import { DomainError } from '../../domain/errors';
import { ORG_ROLES, type OrgRole as GrantedRole } from '../../domain/lifecycle/permissions';
import { type Page } from '../../common/paging';
import { OrgAuditService } from '../audit/org-audit.service';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { ApiToken, User } from './user.entity';
import { UsersQueries } from './users.queries';

export interface IssuedToken {
  id: string;
  token: string;
  userId: string;
}

/** A user as the API shows them. */
export interface UserView {
  id: string;
  name: string;
  email: string;
  orgRole: User['orgRole'];
  orgRoles: GrantedRole[];
  executive: boolean;
  language: User['language'];
  createdAt: Date;
}

export const userView = (u: User): UserView => ({
  id: u.id,
  name: u.name,
  email: u.email,
  orgRole: u.orgRole,
  // in the table's order, whatever order they were granted in
  orgRoles: ORG_ROLES.filter((r) => u.orgRoles.includes(r)),
  executive: u.executive,
  language: u.language,
  createdAt: u.createdAt,
});

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queries: UsersQueries,
    private readonly orgAudit: OrgAuditService,
  ) {}

  /** A user, audited in the organization trail; with `withToken` also their first token, in the same transaction. */
  async create(dto: CreateUserDto, actorId: string | null): Promise<UserView | (UserView & { token: IssuedToken })> {
    return this.dataSource.transaction(async (m) => {
      const user = await this.insert(m, dto, actorId);
      if (!dto.withToken) return userView(user);
      return { ...userView(user), token: await this.issueToken(user.id, 'first token', m) };
    });
  }

  private async insert(m: EntityManager, dto: CreateUserDto, actorId: string | null): Promise<User> {
    if (await this.queries.emailTaken(m, dto.email)) {
      throw new DomainError('CONFLICT', 'a user with this email exists', { errors: [{ field: 'email', message: 'email is already taken' }] });
    }
    const user = await m.save(
      m.create(User, { name: dto.name, email: dto.email, orgRole: dto.orgRole, orgRoles: dto.orgRoles ?? [], executive: dto.executive ?? false, language: dto.language ?? 'en' }),
    );
    const view = userView(user);
    await this.orgAudit.append(m, actorId, 'user.created', { userId: user.id, email: user.email, orgRole: view.orgRole, orgRoles: view.orgRoles, executive: view.executive });
    return user;
  }

  async list(limit: number, offset: number): Promise<Page<UserView>> {
    const [items, total] = await this.dataSource.getRepository(User).findAndCount({
      order: { createdAt: 'ASC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { items: items.map(userView), total };
  }

  async get(id: string): Promise<UserView> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user) throw new DomainError('NOT_FOUND', 'user not found');
    return userView(user);
  }

  /**
   * An admin grants or withdraws organization roles, the admin role or the executive flag of
   * another user; nobody changes their own (SELF_GRANT). The organization trail records what
   * changed, and nothing when nothing did.
   */
  async update(id: string, dto: UpdateUserDto, actor: { id: string }): Promise<UserView> {
    // one's own language is no power; one's own roles are
    const grants = dto.orgRoles !== undefined || dto.orgRole !== undefined || dto.executive !== undefined;
    if (id === actor.id && grants) throw new DomainError('SELF_GRANT', 'nobody changes their own organization roles: another admin must', { userId: id });
    return this.dataSource.transaction(async (m) => {
      const user = await m.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new DomainError('NOT_FOUND', 'user not found');
      const before = userView(user);
      const after: UserView = {
        ...before,
        orgRoles: dto.orgRoles === undefined ? before.orgRoles : ORG_ROLES.filter((r) => dto.orgRoles!.includes(r)),
        orgRole: dto.orgRole ?? before.orgRole,
        executive: dto.executive ?? before.executive,
        language: dto.language ?? before.language,
      };
      const granted = after.orgRoles.filter((r) => !before.orgRoles.includes(r));
      const withdrawn = before.orgRoles.filter((r) => !after.orgRoles.includes(r));
      const changed = granted.length > 0 || withdrawn.length > 0 || after.orgRole !== before.orgRole || after.executive !== before.executive;
      if (after.language !== before.language) {
        await m.update(User, { id }, { language: after.language });
        await this.orgAudit.append(m, actor.id, 'user.language_changed', { userId: id, before: before.language, after: after.language });
      }
      if (!changed) return after;
      await m.update(User, { id }, { orgRoles: after.orgRoles, orgRole: after.orgRole, executive: after.executive });
      await this.orgAudit.append(m, actor.id, 'user.roles_changed', {
        userId: id,
        granted,
        withdrawn,
        before: { orgRole: before.orgRole, orgRoles: before.orgRoles, executive: before.executive },
        after: { orgRole: after.orgRole, orgRoles: after.orgRoles, executive: after.executive },
      });
      return after;
    });
  }

  /** A new random token; only its SHA-256 is stored, so this is the one time it can be shown. */
  async issueToken(userId: string, label?: string, m: EntityManager = this.dataSource.manager): Promise<IssuedToken> {
    const user = await m.findOneBy(User, { id: userId });
    if (!user) throw new DomainError('NOT_FOUND', 'user not found');
    const token = `sev_${randomBytes(32).toString('base64url')}`;
    const saved = await m.save(m.create(ApiToken, { userId, tokenHash: sha256(token), label: label ?? null }));
    return { id: saved.id, token, userId };
  }

  async revokeToken(id: string): Promise<void> {
    const result = await this.dataSource.getRepository(ApiToken).update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!result.affected) throw new DomainError('NOT_FOUND', 'token not found or already revoked');
  }

  async count(): Promise<number> {
    return this.dataSource.getRepository(User).count();
  }

  /** Used by the CLI: a user and its first token in one transaction. */
  async createWithToken(dto: CreateUserDto): Promise<{ user: User; token: IssuedToken }> {
    return this.dataSource.transaction(async (m) => {
      if (await this.queries.emailTaken(m, dto.email)) throw new DomainError('CONFLICT', `a user with the email ${dto.email} exists`);
      const user = await this.insert(m, dto, null);
      return { user, token: await this.issueToken(user.id, 'cli', m) };
    });
  }
}
