import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '../domain/errors';
import { type CaseAction, type OrgAction, type OrgRole } from '../domain/lifecycle/permissions';
import { type CaseRole, type Stage } from '../domain/lifecycle/stages';

/**
 * The request side of authorization: the decorators a handler declares its action with, and what
 * the access guard (src/modules/auth) leaves on the request. Nothing here reads the database.
 */

/** The caller as the guard found them by their bearer token (the `users` row). */
export interface AuthUser {
  id: string;
  name: string;
  email: string;
  orgRole: 'admin' | 'member';
  orgRoles: OrgRole[];
  executive: boolean;
  createdAt: Date;
}

export interface CaseAccess {
  caseId: string;
  stage: Stage;
  roles: CaseRole[];
  isAdmin: boolean;
}

export interface AuthedRequest extends Request {
  user?: AuthUser;
  caseAccess?: CaseAccess;
}

/** Metadata keys the guard reads. */
export const AUTH_METADATA = { public: 'auth:public', invitation: 'auth:invitation', orgAction: 'auth:org-action', caseAction: 'auth:case-action', session: 'auth:session' } as const;

/** No user token needed (health, docs, the supplier portal which checks its own invitation token). */
export const Public = () => SetMetadata(AUTH_METADATA.public, true);
/**
 * A public route a supplier calls with its invitation token as bearer (the supplier portal): the
 * guard reads no body until the token is a live invitation's; the service then opens the round.
 */
export const InvitationToken = () => SetMetadata(AUTH_METADATA.invitation, true);
/** Also signed in by the approver pages' session cookie (browser pages only: the API takes bearer tokens alone, so no API route is open to cross-site requests). */
export const SessionAuth = () => SetMetadata(AUTH_METADATA.session, true);
/** The organization-level action this handler takes (no case): see ORG_PERMISSIONS in the permission table. */
export const OrgActionOf = (action: OrgAction) => SetMetadata(AUTH_METADATA.orgAction, action);
/** The action this handler takes on the case named by the `:id` path parameter; see the permission table. */
export const CaseActionOf = (action: CaseAction) => SetMetadata(AUTH_METADATA.caseAction, action);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
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

/** The approver pages' session cookie (HttpOnly, SameSite=Lax; Secure behind TLS). */
export const SESSION_COOKIE = 'approver_session';

/** A cookie's value, if the request carries it. */
export function cookieValue(req: Request, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name && rest.length > 0) return rest.join('=');
  }
  return null;
}
