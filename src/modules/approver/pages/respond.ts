import type { Request, Response } from 'express';
import { cookieValue } from '../../../common/auth';
import { type PageLang } from './labels';

const LANG_COOKIE = 'approver_lang';

/** The page's language: `?lang=`, else the one chosen before (cookie), else the browser's. */
export function pageLang(req: Request): PageLang {
  const asked = req.query.lang;
  if (asked === 'en' || asked === 'es') return asked;
  const kept = cookieValue(req, LANG_COOKIE);
  if (kept === 'en' || kept === 'es') return kept;
  return /^es\b/i.test(req.headers['accept-language'] ?? '') ? 'es' : 'en';
}

/** Behind TLS (directly, or a proxy that says so) cookies are Secure. */
const secure = (req: Request) => req.secure || req.headers['x-forwarded-proto'] === 'https';

export function cookie(req: Request, name: string, value: string, maxAgeSeconds: number): string {
  return `${name}=${value}; Path=/approve; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secure(req) ? '; Secure' : ''}`;
}

export function langCookie(req: Request): string | null {
  const asked = req.query.lang;
  return asked === 'en' || asked === 'es' ? cookie(req, LANG_COOKIE, asked, 365 * 24 * 3600) : null;
}

/**
 * An HTML answer: never cached, never framed, no referrer (the sign-in link's token is in its URL),
 * no script at all, forms only to this service.
 */
export function sendPage(res: Response, status: number, html: string, cookies: string[] = []): void {
  if (cookies.length > 0) res.setHeader('Set-Cookie', cookies);
  res
    .status(status)
    .setHeader('Cache-Control', 'no-store')
    .setHeader('Referrer-Policy', 'no-referrer')
    .setHeader('X-Content-Type-Options', 'nosniff')
    .setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
    .type('text/html; charset=utf-8')
    .send(html);
}
