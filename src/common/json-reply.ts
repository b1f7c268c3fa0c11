import { ExpressAdapter } from '@nestjs/platform-express';
import type { Response } from 'express';

/** Answers whose status carries no body, or a reset one: Express strips or rewrites their headers. */
const BODYLESS = new Set([204, 205, 304]);

/**
 * A handler's plain JSON answer written as Express's `res.json` writes it in this app (no JSON
 * replacer, spaces or escaping, no ETag function): `Content-Type: application/json; charset=utf-8`,
 * then `Content-Length`, then the body, without its setting lookups, charset parsing and
 * freshness check on every answer. Anything else goes Express's way: a body that is not a plain
 * object or array, a Content-Type or Transfer-Encoding already set, a HEAD, a conditional request
 * (If-None-Match, If-Modified-Since), a 204, 205 or 304. json-reply.spec.ts compares the bytes.
 */
export class JsonReplyAdapter extends ExpressAdapter {
  override reply(response: Response, body: unknown, statusCode?: number): unknown {
    if (!plainJson(body) || !plainAnswer(response, statusCode)) return super.reply(response, body, statusCode);
    if (statusCode !== undefined) response.status(statusCode);
    const text = JSON.stringify(body);
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('Content-Length', String(Buffer.byteLength(text, 'utf8')));
    response.end(text, 'utf8');
    return response;
  }
}

function plainJson(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  return Array.isArray(body) || Object.getPrototypeOf(body) === Object.prototype;
}

function plainAnswer(response: Response, statusCode: number | undefined): boolean {
  const req = response.req;
  if (req.method === 'HEAD' || req.headers['if-none-match'] !== undefined || req.headers['if-modified-since'] !== undefined) return false;
  if (response.getHeader('Content-Type') !== undefined || response.getHeader('Transfer-Encoding') !== undefined) return false;
  return !BODYLESS.has(statusCode ?? response.statusCode);
}
