import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AUTH_METADATA, type AuthedRequest, bearerToken, type CaseAccess } from '../../common/auth';
import { sha256 } from '../../domain/audit/canonical-json';
import { DomainError, invalid } from '../../domain/errors';
import { assertAllowed, type CaseAction, type OrgAction } from '../../domain/lifecycle/permissions';
import { AuthQueries } from './auth.queries';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One guard for the whole API: the bearer token names the user; an organization-level route is
 * checked against the organization table (ORG_PERMISSIONS) by the caller's admin flag and
 * organization roles; a case route against the case table by the caller's roles on that case and
 * its stage. Runs before any pipe,
 * so a refused request is refused before its body is validated.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queries: AuthQueries,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(AUTH_METADATA.public, targets)) return true;
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const token = bearerToken(req);
    if (!token) throw new DomainError('UNAUTHENTICATED', 'a bearer token is required');
    const m = this.dataSource.manager;
    const user = await this.queries.userByTokenHash(m, sha256(token));
    if (!user) throw new DomainError('UNAUTHENTICATED', 'the bearer token is not valid');
    req.user = user;
    const isAdmin = user.orgRole === 'admin';

    const orgAction = this.reflector.getAllAndOverride<OrgAction | undefined>(AUTH_METADATA.orgAction, targets);
    if (orgAction) assertAllowed(orgAction, null, { isAdmin, orgRoles: user.orgRoles });
    const action = this.reflector.getAllAndOverride<CaseAction | undefined>(AUTH_METADATA.caseAction, targets);
    if (action) req.caseAccess = await this.checkCase(String(req.params.id), user.id, isAdmin, action);
    return true;
  }

  private async checkCase(caseId: string, userId: string, isAdmin: boolean, action: CaseAction): Promise<CaseAccess> {
    if (!UUID.test(caseId)) throw invalid('id', 'id must be a UUID');
    const found = await this.queries.caseAccess(this.dataSource.manager, caseId, userId);
    if (!found) throw new DomainError('NOT_FOUND', 'case not found');
    const access: CaseAccess = { caseId, stage: found.stage, roles: found.roles, isAdmin };
    assertAllowed(action, access.stage, { isAdmin, roles: access.roles });
    return access;
  }
}
