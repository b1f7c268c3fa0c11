import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { deferBody, readDeferredBody } from './deferred-body';

/** A request as the parsers see it: its headers and query. */
const requestWith = (headers: Record<string, string>, query: Record<string, unknown> = {}) => ({ headers, query }) as unknown as Request;

function mounted(bodiless: (req: Request) => void) {
  const parsed: Request[] = [];
  const parser: RequestHandler = (req: Request, _res: Response, next: NextFunction) => {
    parsed.push(req);
    req.body = { parsed: true };
    next();
  };
  const middleware = deferBody([parser], bodiless);
  return {
    parsed,
    async send(req: Request): Promise<Request> {
      await new Promise<void>((resolve) => middleware(req, {} as Response, () => resolve()));
      await readDeferredBody(req);
      return req;
    },
  };
}

describe('the deferred body parsers', () => {
  it('skip a request without a body: only the bodiless checks run, and the body stays undefined', async () => {
    const checked: Request[] = [];
    const app = mounted((req) => checked.push(req));
    const req = await app.send(requestWith({ authorization: 'Bearer x' }));
    expect(app.parsed).toEqual([]);
    expect(checked).toEqual([req]);
    expect('body' in req).toBe(true);
    expect(req.body).toBeUndefined();
  });

  it('run on anything that may carry a body: a Content-Length (0 too), a Transfer-Encoding, a Content-Type', async () => {
    const app = mounted(() => {
      throw new Error('not bodiless');
    });
    for (const headers of [{ 'content-length': '0' } as Record<string, string>, { 'content-length': '12' }, { 'transfer-encoding': 'chunked' }, { 'content-type': 'text/csv' }]) {
      const req = await app.send(requestWith(headers));
      expect(req.body).toEqual({ parsed: true });
    }
    expect(app.parsed).toHaveLength(4);
  });

  it('refuse a bodiless request by what its checks throw', async () => {
    const app = mounted((req) => {
      if ((req.query as Record<string, unknown>).bad !== undefined) throw new Error('bad query');
    });
    await expect(app.send(requestWith({}, { bad: '1' }))).rejects.toThrow('bad query');
    await expect(app.send(requestWith({}, { good: '1' }))).resolves.toBeDefined();
  });
});
