import type { NextFunction, Request, Response } from 'express';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** One answer the server gave during the suite. */
export interface Exchange {
  method: string;
  path: string;
  status: number;
  contentType: string | null;
  /** the parsed JSON body (JSON answers only) */
  body?: unknown;
}

/** Where every spec file of the run leaves what its app answered, for the suite-wide contract check. */
export function exchangesDir(): string {
  return join(tmpdir(), `supeval-contract-${process.env.TEST_RUN_ID ?? 'local'}`);
}

/** Records every answer of the test app (method, path, status, type, JSON body) as it is sent. */
export class ContractRecorder {
  readonly exchanges: Exchange[] = [];

  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      const end = res.end.bind(res) as (...args: unknown[]) => Response;
      (res as unknown as { end: (...args: unknown[]) => Response }).end = (...args: unknown[]) => {
        const chunk = args[0];
        const contentType = (res.getHeader('content-type') as string | undefined) ?? null;
        const exchange: Exchange = { method: req.method, path: req.path, status: res.statusCode, contentType };
        if (contentType && /json/.test(contentType) && (typeof chunk === 'string' || Buffer.isBuffer(chunk))) {
          try {
            exchange.body = JSON.parse(chunk.toString());
          } catch {
            exchange.body = '<not JSON>';
          }
        }
        this.exchanges.push(exchange);
        return end(...args);
      };
      next();
    };
  }

  /** This file's answers, and the document they were served with, for the suite-wide summary (test/setup/contract-summary.ts). */
  save(document: unknown): string {
    const dir = exchangesDir();
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${randomBytes(6).toString('hex')}.json`);
    writeFileSync(file, JSON.stringify(this.exchanges));
    writeFileSync(join(dir, 'document.json'), JSON.stringify(document));
    return file;
  }
}
