import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AUTH_METADATA, type AuthedRequest, bearerToken, type CaseAccess } from '../../common/auth';
import { sha256 } from '../../domain/audit/canonical-json';
import { DomainError, invalid } from '../../domain/errors';
import { assertAllowed, type CaseAction, type OrgAction } from '../../domain/lifecycle/permissions';
import { AuthQueries } from './auth.queries';
import { readDeferredBody, setImportLimits } from '../../common/deferred-body';
import { PolicyService } from '../policy/policy.service';

/** A CSV import's body: its size cap and inflate ratio come from the policy. */
const CSV_BODY = /^(text\/csv|text\/plain)\b/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One guard for the whole API: the bearer token names the user; an organization-level route is
 * checked against the organization table (ORG_PERMISSIONS) by the caller's admin flag and
 * organization roles; a case route against the case table by the caller's roles on that case and
 * its stage. Runs before any pipe; the body is read only after it has said yes, so a refused
 * request is refused before its body is even read.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queries: AuthQueries,
    private readonly policy: PolicyService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    // a public route (the supplier portal checks its own invitation token) reads its body at once
    if (this.reflector.getAllAndOverride<boolean>(AUTH_METADATA.public, targets)) return this.bodyRead(req);
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
    return this.bodyRead(req);
  }

  /**
   * Only now, authenticated and allowed, is the body read, inflated and parsed (auth before work);
   * a CSV import takes its size cap and inflate ratio from the policy.
   */
  private async bodyRead(req: AuthedRequest): Promise<true> {
    if (CSV_BODY.test(req.headers['content-type'] ?? '')) setImportLimits(req, (await this.policy.current()).imports);
    await readDeferredBody(req);
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
