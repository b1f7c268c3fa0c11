import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '../domain/errors';

/** The routes the service answers, by path template (`/api/v1/cases/{id}`), with their methods. */
export interface RouteTable {
  match(path: string): string[] | null;
}

export function routeTable(paths: Record<string, Record<string, unknown>>): RouteTable {
  const routes = Object.entries(paths).map(([template, item]) => {
    const methods = Object.keys(item)
      .filter((m) => ['get', 'put', 'post', 'delete', 'patch'].includes(m))
      .map((m) => m.toUpperCase());
    if (methods.includes('GET')) methods.push('HEAD');
    const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
    return { regex: new RegExp(`^${pattern}/?$`), methods };
  });
  // every request asks: the answers for the paths last asked are kept (bounded, started afresh when full)
  const answers = new Map<string, string[] | null>();
  return {
    match(path: string) {
      const known = answers.get(path);
      if (known !== undefined) return known;
      const hit = routes.filter((r) => r.regex.test(path));
      const methods = hit.length === 0 ? null : [...new Set(hit.flatMap((r) => r.methods))];
      if (answers.size >= 1000) answers.clear();
      answers.set(path, methods);
      return methods;
    },
  };
}

/**
 * A known path asked with a method it does not have: 405 with `Allow` (RFC 9110 §15.5.6), before
 * anything reads the body. An unknown path stays 404. `table` is read per request: it is filled
 * once the OpenAPI document is built.
 */
export function methodGate(table: () => RouteTable | null) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const allowed = table()?.match(req.path);
    if (!allowed || allowed.includes(req.method)) return next();
    res.setHeader('Allow', allowed.join(', '));
    next(new DomainError('METHOD_NOT_ALLOWED', `${req.method} is not allowed on ${req.path}; allowed: ${allowed.join(', ')}`));
  };
}

const JSON_TYPE = /^application\/(?:json|[^\s/;]+\+json)$/i;
const CSV_TYPE = /^text\/(?:csv|plain)$/i;
const FORM_TYPE = /^application\/x-www-form-urlencoded$/i;
const UTF8 = /^utf-?8$/i;

function hasBody(req: Request): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = Number(req.headers['content-length'] ?? 0);
  return Number.isFinite(length) && length > 0;
}

function unsupported(message: string, detail: string): DomainError {
  return new DomainError('UNSUPPORTED_MEDIA_TYPE', detail, { errors: [{ field: 'Content-Type', message }] });
}

/**
 * Every body is JSON in UTF-8 (RFC 8259 §8.1), except the CSV import's, which is text/csv in the
 * charset it declares. Anything else is refused with 415 naming `Content-Type` before parsing:
 * a body the JSON parser skipped used to reach the handler as "no input".
 */
export function mediaTypeGate(csvPaths: readonly string[], formPaths?: RegExp) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (!hasBody(req)) return next();
    const header = req.headers['content-type'];
    if (!header) return next(unsupported('a body needs a Content-Type', 'the request has a body but no Content-Type'));
    const [type, ...params] = header.split(';').map((part) => part.trim());
    // an HTML form's body, where pages take forms (the approver pages); nowhere else
    if (formPaths?.test(req.path) && FORM_TYPE.test(type)) return next();
    if (csvPaths.includes(req.path)) {
      // a JSON body reaches the import, which names `body` (400): the route's answer since it exists
      const ok = CSV_TYPE.test(type) || JSON_TYPE.test(type);
      return next(ok ? undefined : unsupported('must be text/csv', `${type} is not accepted here; send text/csv`));
    }
    if (!JSON_TYPE.test(type)) return next(unsupported('must be application/json', `${type} is not accepted; send application/json`));
    const charset = params.map((p) => /^charset\s*=\s*"?([^"]*)"?$/i.exec(p)?.[1]).find((c) => c !== undefined);
    if (charset !== undefined && !UTF8.test(charset.trim())) {
      return next(unsupported('the charset must be utf-8', `the charset ${charset} is not accepted; JSON is UTF-8`));
    }
    next();
  };
}
