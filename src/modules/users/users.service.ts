import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { sha256 } from '../../domain/audit/canonical-json';
import { DomainError } from '../../domain/errors';
import { type Page } from '../../common/paging';
import { CreateUserDto } from './dto/user.dto';
import { ApiToken, User } from './user.entity';
import { UsersQueries } from './users.queries';

export interface IssuedToken {
  id: string;
  token: string;
  userId: string;
}

@Injectable()
export class UsersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource, private readonly queries: UsersQueries) {}

  async create(dto: CreateUserDto): Promise<User> {
    return this.dataSource.transaction(async (m) => {
      if (await this.queries.emailTaken(m, dto.email)) {
        throw new DomainError('CONFLICT', 'a user with this email exists', {
          errors: [{ field: 'email', message: 'email is already taken' }],
        });
      }
      return m.save(m.create(User, { name: dto.name, email: dto.email, orgRole: dto.orgRole, executive: dto.executive ?? false }));
    });
  }

  async list(limit: number, offset: number): Promise<Page<User>> {
    const [items, total] = await this.dataSource.getRepository(User).findAndCount({
      order: { createdAt: 'ASC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { items, total };
  }

  async get(id: string): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user) throw new DomainError('NOT_FOUND', 'user not found');
    return user;
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
      const user = await m.save(m.create(User, { name: dto.name, email: dto.email, orgRole: dto.orgRole, executive: dto.executive ?? false }));
      return { user, token: await this.issueToken(user.id, 'cli', m) };
    });
  }
}
