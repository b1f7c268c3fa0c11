import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AUTH_METADATA, type AuthedRequest, bearerToken, type CaseAccess, cookieValue, SESSION_COOKIE } from '../../common/auth';
import { sha256 } from '../../domain/audit/canonical-json';
import { DomainError, invalid } from '../../domain/errors';
import { assertAllowed, type CaseAction, type OrgAction } from '../../domain/lifecycle/permissions';
import { AuthQueries, type Caller, type Credential } from './auth.queries';
import { readDeferredBody, setImportLimits } from '../../common/deferred-body';
import { PolicyService } from '../policy/policy.service';
import { CallerCache } from './caller-cache';

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
    private readonly callers: CallerCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    // a public route reads its body at once; the supplier portal's only once its invitation token is live
    if (this.reflector.getAllAndOverride<boolean>(AUTH_METADATA.public, targets)) {
      if (this.reflector.getAllAndOverride<boolean>(AUTH_METADATA.invitation, targets)) await this.checkInvitation(req);
      return this.bodyRead(req);
    }
    const token = bearerToken(req);
    // the approver pages also take their session cookie (README "Approver pages")
    const session = token || !this.reflector.getAllAndOverride<boolean>(AUTH_METADATA.session, targets) ? null : cookieValue(req, SESSION_COOKIE);
    if (!token && !session) throw new DomainError('UNAUTHENTICATED', 'a bearer token is required');
    const action = this.reflector.getAllAndOverride<CaseAction | undefined>(AUTH_METADATA.caseAction, targets);
    const caseId = action ? String(req.params.id) : null;
    const credential = token ? { kind: 'token' as const, hash: sha256(token) } : { kind: 'session' as const, hash: sha256(session!) };
    // token, user and case access in one round trip, or none while remembered; a malformed case id is refused after authentication
    const asked = caseId !== null && UUID.test(caseId) ? caseId : null;
    const caller = this.remembered(credential, asked) ?? (await this.caller(credential, asked));
    if (!caller) throw new DomainError('UNAUTHENTICATED', token ? 'the bearer token is not valid' : 'the session has expired: open the link in your e-mail again');
    req.user = caller.user;
    const isAdmin = caller.user.orgRole === 'admin';

    const orgAction = this.reflector.getAllAndOverride<OrgAction | undefined>(AUTH_METADATA.orgAction, targets);
    if (orgAction) assertAllowed(orgAction, null, { isAdmin, orgRoles: caller.user.orgRoles });
    if (action && caseId !== null) req.caseAccess = this.checkCase(caseId, caller.caseAccess, isAdmin, action);
    return this.bodyRead(req);
  }

  /** The guard's answer for an API token (and this case) as the cache holds it; never a session cookie's. */
  private remembered(credential: Credential, caseId: string | null): Caller | null {
    return credential.kind === 'token' ? this.callers.get(credential.hash, caseId) : null;
  }

  /** The database's answer; a token's is remembered, no longer than until its case access changes by the clock. */
  private async caller(credential: Credential, caseId: string | null): Promise<Caller | null> {
    const mark = this.callers.mark();
    const caller = await this.queries.caller(this.dataSource.manager, credential, caseId);
    if (!caller) return null;
    const { boundaryMs, ...answer } = caller;
    if (credential.kind === 'token') this.callers.put(credential.hash, caseId, answer, mark, boundaryMs);
    return answer;
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

  /** Auth before work on the supplier portal: an unknown or expired invitation token is refused before the body is read. */
  private async checkInvitation(req: AuthedRequest): Promise<void> {
    const token = bearerToken(req);
    if (!token || !(await this.queries.invitationLive(this.dataSource.manager, sha256(token)))) {
      throw new DomainError('UNAUTHENTICATED', 'the invitation token is not valid');
    }
  }

  private checkCase(caseId: string, found: Caller['caseAccess'], isAdmin: boolean, action: CaseAction): CaseAccess {
    if (!UUID.test(caseId)) throw invalid('id', 'id must be a UUID');
    if (!found) throw new DomainError('NOT_FOUND', 'case not found');
    const access: CaseAccess = { caseId, stage: found.stage, roles: found.roles, isAdmin };
    assertAllowed(action, access.stage, { isAdmin, roles: access.roles });
    return access;
  }
}
