import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { type Metrics } from './metrics';

/**
 * Observes every answer under its route template (`/api/v1/cases/:id/report.pdf`), never its
 * concrete path: the label set stays bounded whatever ids are asked for. A request no route
 * matched (a 404 or 405 from the gates) counts as `unmatched`.
 */
export function httpMetrics(metrics: Metrics): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const end = metrics.http.startTimer();
    res.once('finish', () => {
      const route = (req.route as { path?: string } | undefined)?.path;
      end({ method: req.method, route: typeof route === 'string' ? route : 'unmatched', status: String(res.statusCode) });
    });
    next();
  };
}
