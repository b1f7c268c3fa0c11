import type { Server } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { type ServiceState } from './observability.options';

/** While draining, every answer closes its connection, so a keep-alive client reconnects elsewhere. */
export function closeWhileDraining(state: ServiceState): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction) => {
    if (state.draining) res.setHeader('Connection', 'close');
    next();
  };
}

/**
 * SIGTERM's first half: stop accepting connections and wait for the requests in flight to be
 * answered; idle keep-alive connections are closed at once, and whatever still runs after
 * `graceMs` is cut off (a balancer's drain timeout is usually about this long).
 */
export function stopAccepting(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const cutOff = setTimeout(() => server.closeAllConnections(), graceMs);
    cutOff.unref();
    server.close(() => {
      clearTimeout(cutOff);
      resolve();
    });
    server.closeIdleConnections();
  });
}
