import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser, CaseAccess } from '../../../common/auth';
import { type LinkRefusal, linkRefusal } from '../../../domain/approval/sign-in-link';
import { assertAllowed } from '../../../domain/lifecycle/permissions';
import { ApprovalService } from '../../approval/approval.service';
import { AuditService } from '../../audit/audit.service';
import { AuthQueries } from '../../auth/auth.queries';
import { Case } from '../../cases/case.entity';
import { DeclarationsService } from '../../cases/declarations.service';
import { PolicyService } from '../../policy/policy.service';
import { ReportSourceService } from '../../reports/report-source.service';
import { buildReportView } from '../../reports/view/build-report-view';
import { User } from '../../users/user.entity';
import { sha256 } from '../../../domain/audit/canonical-json';
import { ApproverQueries } from '../approver.queries';
import { SignInService } from '../sign-in.service';
import type { SignForm } from './decision-page';
import type { InboxItem } from './inbox-page';
import { type PageLang } from './labels';

/** What the approver pages read and the one thing they write besides a signature: a session from a link. */
@Injectable()
export class ApproverPagesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly approvals: ApprovalService,
    private readonly sources: ReportSourceService,
    private readonly queries: ApproverQueries,
    private readonly auth: AuthQueries,
    private readonly signIn: SignInService,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
    private readonly declarations: DeclarationsService,
  ) {}

  /** Awaiting the user's signature (their own, and as delegate the absent approvers'), and what they signed. */
  async inbox(user: User, now: Date) {
    const signers = [{ id: user.id, name: null as string | null }, ...(await this.queries.principalsNow(this.dataSource.manager, user.id, now)).map((p) => ({ id: p.id, name: p.name }))];
    const awaiting: InboxItem[] = [];
    for (const signer of signers) {
      const { items } = await this.approvals.pending({ ...user, id: signer.id });
      for (const item of items) {
        const m = this.dataSource.manager;
        awaiting.push({
          caseId: item.caseId,
          reference: item.reference,
          title: item.title,
          supplierName: await this.queries.supplierName(m, item.proposal.supplierId),
          amount: item.amount,
          currency: item.currency,
          waitingSince: (await this.queries.waitingSince(m, item.caseId, signer.id)) ?? now,
          onBehalfOf: signer.name,
        });
      }
    }
    awaiting.sort((a, b) => a.waitingSince.getTime() - b.waitingSince.getTime());
    return { awaiting, signed: await this.queries.signedBy(this.dataSource.manager, user.id) };
  }

  /** The report's view of the case, and the sign form when this user may sign it now. */
  async decision(access: CaseAccess, user: User, lang: PageLang, csrf: string | null) {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const c = await m.findOneByOrFail(Case, { id: access.caseId });
      const view = buildReportView(await this.sources.build(m, c), lang);
      let form: SignForm | null = null;
      if (c.stage === 'APPROVAL' && access.roles.includes('approver') && csrf !== null) {
        const own = await this.queries.isApprover(m, c.id, user.id);
        const principal = own ? null : ((await this.queries.principals(m, c.id, user.id, new Date()))[0] ?? null);
        // the declaration comes first, where the sign form would only answer DECLARATION_MISSING
        const missing = (await this.declarations.barOf(m, c.id, user.id, 'sign'))?.code === 'DECLARATION_MISSING';
        const declare = missing ? { suppliers: await this.queries.shortlisted(m, c.id) } : null;
        form = { csrf, onBehalfOf: principal, declare };
      }
      return { view, form };
    });
  }

  /**
   * Opens an e-mailed link: refused with its reason, or a new session for the link's person (the
   * page is shown; nothing is signed). `sessionUserId`: who this browser is signed in as already.
   */
  async openLink(token: string, sessionUserId: string | null, now: Date): Promise<{ refusal: LinkRefusal } | { refusal: null; caseId: string; userId: string; session: string; minutes: number }> {
    return this.dataSource.transaction(async (m) => {
      const link = await this.signIn.linkByToken(m, token);
      const c = link ? await m.findOneBy(Case, { id: link.caseId }) : null;
      const access = link ? await this.auth.caseAccess(m, link.caseId, link.userId) : null;
      const state = c && c.stage === 'APPROVAL' ? await this.approvals.state(m, c) : null;
      const refusal = linkRefusal({
        found: link !== null && c !== null,
        usedAt: link?.usedAt ?? null,
        expiresAt: link?.expiresAt ?? now,
        now,
        stage: c?.stage ?? '',
        linkSnapshot: link?.snapshotHash ?? '',
        currentSnapshot: state && !state.stale ? state.snapshotHash : null,
        stillApprover: access?.roles.includes('approver') ?? false,
        otherSession: sessionUserId !== null && sessionUserId !== link?.userId,
      });
      if (refusal !== null || !link) return { refusal: refusal ?? 'unknown' };
      const { signOff } = await this.policy.current(m);
      const session = await this.signIn.startSession(m, link.userId, new Date(now.getTime() + signOff.sessionMinutes * 60_000));
      await this.audit.append(m, link.caseId, link.userId, 'approval.link_opened', { linkId: link.id, snapshotHash: link.snapshotHash });
      return { refusal: null, caseId: link.caseId, userId: link.userId, session, minutes: signOff.sessionMinutes };
    });
  }

  /** The access the guard would have found for this user on this case: the same table decides the page. */
  async accessFor(caseId: string, user: User): Promise<CaseAccess> {
    const found = await this.auth.caseAccess(this.dataSource.manager, caseId, user.id);
    const access: CaseAccess = { caseId, stage: found!.stage, roles: found!.roles, isAdmin: user.orgRole === 'admin' };
    assertAllowed('report.read', access.stage, { isAdmin: access.isAdmin, roles: access.roles });
    return access;
  }

  async userOfSession(value: string | null): Promise<AuthUser | null> {
    return value ? this.auth.userBySessionHash(this.dataSource.manager, sha256(value)) : null;
  }

  async userById(id: string): Promise<User> {
    return this.dataSource.manager.findOneByOrFail(User, { id });
  }

  /** A signature through the pages uses up the signer's links to that case. */
  async useLinks(caseId: string, userId: string): Promise<void> {
    await this.signIn.useLinks(this.dataSource.manager, caseId, userId, new Date());
  }
}
