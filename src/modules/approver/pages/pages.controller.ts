import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Access, type CaseAccess, CaseActionOf, cookieValue, CurrentUser, Public, SESSION_COOKIE, SessionAuth } from '../../../common/auth';
import { DomainError } from '../../../domain/errors';
import { ApprovalService } from '../../approval/approval.service';
import { DeclarationsService } from '../../cases/declarations.service';
import { DeclarationDto } from '../../cases/dto/declaration.dto';
import { validationPipe } from '../../../common/validation';
import { ReportsService } from '../../reports/reports.service';
import { User } from '../../users/user.entity';
import { SignInService } from '../sign-in.service';
import { decisionBody, signedNotice } from './decision-page';
import { e, page } from './html';
import { inboxBody } from './inbox-page';
import { PAGE_LABELS, type PageLang } from './labels';
import { PageDeclarationForm, PageQuery, PageSignForm } from './page-dto';
import { PageErrorFilter } from './page-error.filter';
import { ApproverPagesService } from './pages.service';
import { cookie, langCookie, pageLang, sendPage } from './respond';

/**
 * The approver pages (README "Approver pages"): server-rendered HTML outside the API and its
 * document. The same guard and permission table as the API decide them; a browser signs in by the
 * e-mailed link (a session cookie), a REST client with its bearer token.
 */
@ApiExcludeController()
@Controller('approve')
@SessionAuth()
@UseFilters(PageErrorFilter)
export class ApproverPagesController {
  constructor(
    private readonly pages: ApproverPagesService,
    private readonly approvals: ApprovalService,
    private readonly reports: ReportsService,
    private readonly signIn: SignInService,
    private readonly declarations: DeclarationsService,
  ) {}

  @Get()
  async inbox(@Query() _q: PageQuery, @CurrentUser() user: User, @Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = pageLang(req);
    const t = PAGE_LABELS[lang];
    const now = new Date();
    const { awaiting, signed } = await this.pages.inbox(user, now);
    sendPage(res, 200, page({ lang, t, title: t.inboxTitle, path: '/approve', userName: user.name, body: inboxBody(t, lang, awaiting, signed, now) }), cookies(req));
  }

  @Get('cases/:id')
  @CaseActionOf('report.read')
  async decision(@Query() _q: PageQuery, @Access() access: CaseAccess, @CurrentUser() user: User, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.decisionPage(req, res, access, user, cookieValue(req, SESSION_COOKIE), null);
  }

  @Get('cases/:id/report.pdf')
  @CaseActionOf('report.read')
  async pdf(@Query() _q: PageQuery, @Access() access: CaseAccess, @Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = pageLang(req);
    const report = await this.reports.report(access.caseId, lang);
    res.status(200).type('application/pdf').setHeader('Cache-Control', 'no-store').setHeader('Content-Disposition', `inline; filename="${report.reference}-${lang}.pdf"`).send(report.pdf);
  }

  /** Only this signs: the form's POST, with the CSRF token derived from the browser's session and the case. */
  @Post('cases/:id')
  @CaseActionOf('approvals.sign')
  async sign(@Query() _q: PageQuery, @Body() form: PageSignForm, @Access() access: CaseAccess, @CurrentUser() user: User, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (!this.signIn.csrfHolds(cookieValue(req, SESSION_COOKIE), access.caseId, form.csrf)) {
      throw new DomainError('FORBIDDEN', 'the form is out of date or was not sent from the decision page: open the page again');
    }
    const signed = await this.approvals.sign(
      access,
      {
        verdict: form.verdict,
        comment: form.comment === '' ? undefined : form.comment,
        returnTo: form.returnTo === '' ? undefined : form.returnTo,
        onBehalfOf: form.onBehalfOf,
      },
      user,
    );
    await this.pages.useLinks(access.caseId, user.id);
    const lang = pageLang(req);
    const t = PAGE_LABELS[lang];
    const body = `<p class="callout ok" role="status">${e(signedNotice(t, lang, form.verdict, signed.caseStage))}</p>
<p><a href="/approve?lang=${lang}">${e(t.backToInbox)}</a></p>`;
    sendPage(res, 200, page({ lang, t, title: t.signHeading, path: `/approve/cases/${access.caseId}`, userName: user.name, body }));
  }

  /** The declaration form: recorded as `POST /cases/:id/declarations` records it, then the decision page with its sign form. */
  @Post('cases/:id/declaration')
  @CaseActionOf('declarations.write')
  async declare(@Query() _q: PageQuery, @Body() form: PageDeclarationForm, @Access() access: CaseAccess, @CurrentUser() user: User, @Req() req: Request, @Res() res: Response): Promise<void> {
    const session = cookieValue(req, SESSION_COOKIE);
    if (!this.signIn.csrfHolds(session, access.caseId, form.csrf)) {
      throw new DomainError('FORBIDDEN', 'the form is out of date or was not sent from the decision page: open the page again');
    }
    const dto = (await validationPipe.transform(
      form.conflict === 'no' ? { conflict: false } : { conflict: true, supplierId: form.supplierId || undefined, text: form.text || undefined },
      { type: 'body', metatype: DeclarationDto },
    )) as DeclarationDto;
    await this.declarations.declare(access, dto, user);
    await this.decisionPage(req, res, access, user, session, PAGE_LABELS[pageLang(req)].declared);
  }

  /** The e-mailed link: opens the decision page with a new session; never signs. */
  @Get('link/:token')
  @Public()
  async link(@Query() _q: PageQuery, @Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = pageLang(req);
    const t = PAGE_LABELS[lang];
    const current = await this.pages.userOfSession(cookieValue(req, SESSION_COOKIE));
    const opened = await this.pages.openLink(token, current?.id ?? null, new Date());
    if (opened.refusal !== null) {
      const body = `<p role="alert">${e(t.refusals[opened.refusal])}</p><p><a href="/approve?lang=${lang}">${e(t.backToInbox)}</a></p>`;
      const status = opened.refusal === 'unknown' ? 404 : opened.refusal === 'foreign' ? 403 : 410;
      return sendPage(res, status, page({ lang, t, title: t.linkRefused, path: '/approve', userName: current?.name ?? null, body }), cookies(req));
    }
    const user = await this.pages.userById(opened.userId);
    const access = await this.pages.accessFor(opened.caseId, user);
    await this.decisionPage(req, res, access, user, opened.session, null, [cookie(req, SESSION_COOKIE, opened.session, opened.minutes * 60)]);
  }

  private async decisionPage(req: Request, res: Response, access: CaseAccess, user: User, session: string | null, notice: string | null, extra: string[] = []): Promise<void> {
    const lang: PageLang = pageLang(req);
    const t = PAGE_LABELS[lang];
    // the form is a browser session's (a REST client reads the page with its token and signs through the API)
    const csrf = session ? this.signIn.csrfFor(session, access.caseId) : null;
    const { view, form } = await this.pages.decision(access, user, lang, csrf);
    const title = `${view.decision.reference} · ${view.decision.title}`;
    sendPage(res, 200, page({ lang, t, title, path: `/approve/cases/${access.caseId}`, userName: user.name, body: decisionBody(view, lang, t, access.caseId, form, notice) }), [...extra, ...cookies(req)]);
  }
}

const cookies = (req: Request): string[] => {
  const lang = langCookie(req);
  return lang ? [lang] : [];
};
