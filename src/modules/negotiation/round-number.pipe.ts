import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { invalid } from '../../domain/errors';

/** `:n` in a round path: a whole number from 1, written plainly ("01", "1.0" or "1e3" are refused). */
export function parseRoundNumber(value: unknown): number {
  if (typeof value !== 'string' || !/^[1-9]\d{0,5}$/.test(value)) throw invalid('n', 'n must be a round number (1, 2, …)');
  return Number(value);
}

/**
 * The round number from the raw path. A custom decorator, so the global ValidationPipe (which turns
 * numeric params into numbers) never sees it: "01" must be refused, not read as 1.
 */
export const RoundNumber = createParamDecorator((_: unknown, ctx: ExecutionContext): number =>
  parseRoundNumber(ctx.switchToHttp().getRequest<Request>().params.n),
);
