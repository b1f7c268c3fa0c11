import type { NextFunction, Request, Response } from 'express';
import { invalid } from '../domain/errors';

/** Deeper than any body of this API; far below what would exhaust the validator's recursion. */
export const MAX_BODY_DEPTH = 32;

/**
 * Keys no body of this API has, which JSON.parse keeps as own properties but class-transformer and
 * plain objects treat specially (`__proto__` would set the prototype): refused as unknown fields,
 * like any other field the DTO does not list, instead of vanishing on the way to validation.
 */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Checks a parsed JSON body (or query) before validation, without recursion: nesting beyond
 * MAX_BODY_DEPTH, NUL characters (which PostgreSQL cannot store in text), lone UTF-16 surrogates
 * (which no UTF-8 column or jsonb value can hold: they became U+FFFD or a database error) and the
 * prototype keys are refused with the path of the value.
 */
export function bodyShapeProblem(body: unknown): { field: string; message: string } | null {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: body, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) return { field: path || 'body', message: problem };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_BODY_DEPTH) return { field: path || 'body', message: `is nested more than ${MAX_BODY_DEPTH} levels deep` };
    for (const [key, child] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key)) return { field, message: `property ${key} should not exist` };
      const keyProblem = textProblem(key);
      if (keyProblem) return { field: path || 'body', message: `a key ${keyProblem}` };
      stack.push({ value: child, path: field, depth: depth + 1 });
    }
  }
  return null;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(text)) return 'must not contain lone UTF-16 surrogates (unpaired \\ud800–\\udfff)';
  return null;
}

/** The body, then the query string: both reach the DTOs, so both are checked the same way. */
function shapeRefusal(req: Request): Error | undefined {
  const problem = bodyShapeProblem(req.body) ?? bodyShapeProblem(req.query);
  return problem ? invalid([problem]) : undefined;
}

/** The checks as the last body parser. */
export function bodyShapeGuard() {
  return (req: Request, _res: Response, next: NextFunction): void => next(shapeRefusal(req));
}

/** The checks for a request without a body (`deferBody`'s bodiless path): the same 400, thrown. */
export function assertShapes(req: Request): void {
  const refusal = shapeRefusal(req);
  if (refusal) throw refusal;
}
