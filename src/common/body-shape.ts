import type { NextFunction, Request, Response } from 'express';
import { invalid } from '../domain/errors';

/** Deeper than any body of this API; far below what would exhaust the validator's recursion. */
export const MAX_BODY_DEPTH = 32;

/**
 * Checks a parsed JSON body before validation, without recursion: nesting beyond MAX_BODY_DEPTH and
 * NUL characters (which PostgreSQL cannot store in text) are refused with the path of the value.
 */
export function bodyShapeProblem(body: unknown): { field: string; message: string } | null {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: body, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return { field: path || 'body', message: 'must not contain NUL characters' };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_BODY_DEPTH) return { field: path || 'body', message: `is nested more than ${MAX_BODY_DEPTH} levels deep` };
    for (const [key, child] of Object.entries(value)) {
      if (key.includes('\u0000')) return { field: path || 'body', message: 'a key must not contain NUL characters' };
      stack.push({ value: child, path: path ? `${path}.${key}` : key, depth: depth + 1 });
    }
  }
  return null;
}

export function bodyShapeGuard() {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const problem = bodyShapeProblem(req.body);
    next(problem ? invalid([problem]) : undefined);
  };
}
