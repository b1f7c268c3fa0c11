import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createGunzip, createInflate } from 'node:zlib';
import { type Readable } from 'node:stream';
import { DomainError } from '../domain/errors';
import { decodeCsv } from './csv-body';

/**
 * Auth before work: no request body is read, inflated or parsed before the access guard has
 * authenticated the caller and passed the route's permission. The body parsers are not mounted as
 * middleware; `deferBody` leaves them on the request and the guard runs them (`readDeferredBody`)
 * once it has said yes. An unauthenticated or refused request is answered without its body.
 */
const READ_BODY = Symbol('readBody');
type Deferred = Request & { [READ_BODY]?: () => Promise<void> | void };

/**
 * `parsers` run in order on a request with a body. A request with none (no Content-Length, no
 * Transfer-Encoding, as the body parsers themselves judge it, and no Content-Type, which the CSV
 * reader would act on) has nothing for them to read: they are skipped and only `bodiless` runs
 * (the query's checks), at once, with `req.body` undefined as the parsers would have left it.
 */
export function deferBody(parsers: RequestHandler[], bodiless: (req: Request) => void): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!carriesBody(req)) {
      (req as Deferred)[READ_BODY] = () => {
        if (!Reflect.has(req, 'body')) req.body = undefined;
        bodiless(req);
      };
      return next();
    }
    let reading: Promise<void> | null = null;
    (req as Deferred)[READ_BODY] = () => (reading ??= runInOrder(parsers, req, res));
    next();
  };
}

/** body-parser's test for a body (type-is `hasBody`: a Transfer-Encoding, or any numeric Content-Length, 0 too), or a Content-Type. */
function carriesBody(req: Request): boolean {
  const { headers } = req;
  return headers['transfer-encoding'] !== undefined || !Number.isNaN(Number(headers['content-length'])) || headers['content-type'] !== undefined;
}

/** Reads, inflates and parses the body (once); a parser's error is thrown (the problem filter maps it). */
export async function readDeferredBody(req: Request): Promise<void> {
  await (req as Deferred)[READ_BODY]?.();
}

async function runInOrder(parsers: RequestHandler[], req: Request, res: Response): Promise<void> {
  for (const parser of parsers) {
    await new Promise<void>((resolve, reject) => {
      const done = (err?: unknown) => (err ? reject(err) : resolve());
      Promise.resolve(parser(req, res, done)).catch(reject);
    });
  }
}

/** What the import may take: the inflated size, and how many times the sent bytes it may inflate to (policy `imports`). */
export interface ImportLimits {
  maxInflatedBytes: number;
  maxInflateRatio: number;
}

const LIMITS = Symbol('importLimits');
/** The guard sets the import's limits from the policy before it reads the body. */
export function setImportLimits(req: Request, limits: ImportLimits): void {
  (req as Request & { [LIMITS]?: ImportLimits })[LIMITS] = limits;
}

/** Below this many inflated bytes the ratio is not judged (a small file compresses well). */
const RATIO_FLOOR = 1024 * 1024;

const tooLarge = (message: string) =>
  new DomainError('PAYLOAD_TOO_LARGE', 'the request body is too large', { errors: [{ field: 'body', message }] });

/**
 * The CSV import's body: the raw bytes, inflated (gzip, deflate) with the inflated size capped and
 * the ratio of inflated to sent bytes bounded while it streams, then decoded strictly
 * (`decodeCsv`); `req.body` becomes the text. `paths`: the import routes it applies to.
 */
export function csvBody(paths: readonly string[], defaults: ImportLimits): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (!paths.includes(req.path) || !/^(text\/csv|text\/plain)\b/i.test(req.headers['content-type'] ?? '')) return next();
    const limits = (req as Request & { [LIMITS]?: ImportLimits })[LIMITS] ?? defaults;
    readCapped(req, limits).then(
      (bytes) => {
        try {
          req.body = decodeCsv(bytes, req.headers['content-type']);
          next();
        } catch (error) {
          next(error);
        }
      },
      (error: unknown) => next(error),
    );
  };
}

async function readCapped(req: Request, limits: ImportLimits): Promise<Buffer> {
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase().trim();
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limits.maxInflatedBytes) throw tooLarge(`the body is larger than ${limits.maxInflatedBytes} bytes`);
  let sent = 0;
  req.on('data', (chunk: Buffer) => (sent += chunk.length));
  let source: Readable;
  if (encoding === 'identity') source = req;
  else if (encoding === 'gzip' || encoding === 'x-gzip') source = req.pipe(createGunzip());
  else if (encoding === 'deflate') source = req.pipe(createInflate());
  else {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', "the request body's Content-Encoding is not supported", {
      errors: [{ field: 'Content-Encoding', message: 'unsupported content encoding (identity, gzip or deflate)' }],
    });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limits.maxInflatedBytes) throw tooLarge(`the body inflates to more than ${limits.maxInflatedBytes} bytes`);
      if (encoding !== 'identity' && size > RATIO_FLOOR && size > limits.maxInflateRatio * Math.max(sent, 1)) {
        throw tooLarge(`the body inflates to more than ${limits.maxInflateRatio} times the bytes sent`);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    // stop inflating; what is still coming is discarded, not buffered
    if (source !== req) source.destroy();
    req.unpipe();
    req.resume();
    if (error instanceof DomainError) throw error;
    throw Object.assign(new Error('the body could not be inflated'), { status: 400, type: 'entity.parse.failed' });
  }
  return Buffer.concat(chunks);
}
