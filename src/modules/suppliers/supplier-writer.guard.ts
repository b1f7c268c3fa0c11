import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type AuthedRequest } from '../../common/auth';
import { DomainError } from '../../domain/errors';

/**
 * The registry is organization-wide: org admins write it, and so do members who buy, i.e. hold
 * the buyer role on at least one case. Everyone authenticated reads it. Runs after the global
 * guard (which named the user) and before the body is validated.
 */
@Injectable()
export class SupplierWriterGuard implements CanActivate {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const user = context.switchToHttp().getRequest<AuthedRequest>().user;
    if (!user) throw new DomainError('UNAUTHENTICATED', 'a bearer token is required');
    if (user.orgRole === 'admin') return true;
    const [row] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM case_members WHERE user_id = $1 AND 'buyer' = ANY (roles)) AS buyer`,
      [user.id],
    );
    if (!row.buyer) {
      throw new DomainError('FORBIDDEN', 'changing the supplier registry needs the admin role or the buyer role on a case');
    }
    return true;
  }
}
