import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { sendProblem, toProblem } from '../../../common/problem';
import { e, page } from './html';
import { PAGE_LABELS } from './labels';
import { pageLang, sendPage } from './respond';

/** The pages answer a browser's errors as an HTML page that says what went wrong (the API's problem+json, read aloud). */
@Catch()
export class PageErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApproverPages');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    // a browser asks for HTML; a program (a REST client with its token) gets the API's problem+json
    if (!/text\/html/.test(req.headers.accept ?? '')) return sendProblem(res, req, exception, this.logger);
    const { problem, unexpected } = toProblem(exception);
    if (unexpected) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const lang = pageLang(req);
    const t = PAGE_LABELS[lang];
    const errors = (problem.errors ?? []).map((x) => `<li><strong>${e(x.field)}</strong>: ${e(x.message)}</li>`).join('');
    const body = [
      `<p role="alert">${e(problem.detail)}</p>`,
      errors ? `<ul>${errors}</ul>` : '',
      problem.status === 401 ? `<p>${e(t.signInHint)}</p>` : '',
      `<p><a href="/approve?lang=${lang}">${e(t.backToInbox)}</a></p>`,
    ].join('\n');
    sendPage(res, problem.status, page({ lang, t, title: t.errorTitle, path: '/approve', userName: null, body }));
  }
}
