import { CanActivate, createParamDecorator, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { sha256 } from '../domain/audit/canonical-json';
import { DomainError, invalid } from '../domain/errors';
import { assertAllowed, type CaseAction, type OrgAction } from '../domain/lifecycle/permissions';
import { type CaseRole, type Stage } from '../domain/lifecycle/stages';
import { User } from '../modules/users/user.entity';

export interface CaseAccess {
  caseId: string;
  stage: Stage;
  roles: CaseRole[];
  isAdmin: boolean;
}

export interface AuthedRequest extends Request {
  user?: User;
  caseAccess?: CaseAccess;
}

const PUBLIC = 'auth:public';
const ORG_ACTION = 'auth:org-action';
const CASE_ACTION = 'auth:case-action';

/** No user token needed (health, docs, the supplier portal which checks its own invitation token). */
export const Public = () => SetMetadata(PUBLIC, true);
/** The organization-level action this handler takes (no case): see ORG_PERMISSIONS in the permission table. */
export const OrgActionOf = (action: OrgAction) => SetMetadata(ORG_ACTION, action);
/** The action this handler takes on the case named by the `:id` path parameter; see the permission table. */
export const CaseActionOf = (action: CaseAction) => SetMetadata(CASE_ACTION, action);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): User => {
  const user = ctx.switchToHttp().getRequest<AuthedRequest>().user;
  if (!user) throw new DomainError('UNAUTHENTICATED', 'a bearer token is required');
  return user;
});

export const Access = createParamDecorator((_: unknown, ctx: ExecutionContext): CaseAccess => {
  const access = ctx.switchToHttp().getRequest<AuthedRequest>().caseAccess;
  if (!access) throw new Error('handler reads case access without @CaseActionOf');
  return access;
});

export function bearerToken(req: Request): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One guard for the whole API: the bearer token names the user; an organization-level route is
 * checked against the permission table by the caller's org role and the case roles they hold
 * anywhere; a case route by the caller's roles on that case and its stage. Runs before any pipe,
 * so a refused request is refused before its body is validated.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const token = bearerToken(req);
    if (!token) throw new DomainError('UNAUTHENTICATED', 'a bearer token is required');
    const [user] = await this.dataSource.query(
      `SELECT u.id, u.name, u.email, u.org_role AS "orgRole", u.executive, u.created_at AS "createdAt"
         FROM api_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
      [sha256(token)],
    );
    if (!user) throw new DomainError('UNAUTHENTICATED', 'the bearer token is not valid');
    req.user = user as User;
    const isAdmin = req.user.orgRole === 'admin';

    const orgAction = this.reflector.getAllAndOverride<OrgAction | undefined>(ORG_ACTION, targets);
    if (orgAction) assertAllowed(orgAction, null, { isAdmin, roles: isAdmin ? [] : await this.rolesAnywhere(req.user.id) });
    const action = this.reflector.getAllAndOverride<CaseAction | undefined>(CASE_ACTION, targets);
    if (action) req.caseAccess = await this.checkCase(String(req.params.id), req.user.id, isAdmin, action);
    return true;
  }

  private async checkCase(caseId: string, userId: string, isAdmin: boolean, action: CaseAction): Promise<CaseAccess> {
    if (!UUID.test(caseId)) {
      throw invalid('id', 'id must be a UUID');
    }
    const [row] = await this.dataSource.query(
      `SELECT c.stage, coalesce(m.roles, '{}') AS roles
         FROM cases c LEFT JOIN case_members m ON m.case_id = c.id AND m.user_id = $2
        WHERE c.id = $1`,
      [caseId, userId],
    );
    if (!row) throw new DomainError('NOT_FOUND', 'case not found');
    const access: CaseAccess = { caseId, stage: row.stage, roles: row.roles, isAdmin };
    assertAllowed(action, access.stage, { isAdmin, roles: access.roles });
    return access;
  }

  /** The case roles the user holds on at least one case. */
  private async rolesAnywhere(userId: string): Promise<CaseRole[]> {
    const rows: Array<{ role: CaseRole }> = await this.dataSource.query(
      'SELECT DISTINCT unnest(roles) AS role FROM case_members WHERE user_id = $1',
      [userId],
    );
    return rows.map((r) => r.role);
  }
}
