import { type LoggerService } from '@nestjs/common';
import { pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/**
 * Structured JSON logs with pino, without nestjs-pino (whose Nest 12 releases need Node ≥ 22.12):
 * one pino instance, a request logger for Express and an adapter that Nest's own log calls go to.
 */
export function createLogger(level: string): Logger {
  // credentials never reach a log: bearer tokens, the approver pages' session cookie
  return pino({ level, redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'] });
}

/** The e-mailed sign-in link carries its token in the path: logged without it. */
export const withoutLinkToken = (url: string): string => url.replace(/^(\/approve\/link\/)[^/?#]+/, '$1[redacted]');

/** One line per request; the health probe is not logged. */
export function requestLogger(logger: Logger) {
  return pinoHttp({
    logger,
    autoLogging: { ignore: (req) => req.url === '/health' },
    serializers: { req: (req: { url: string }) => ({ ...req, url: withoutLinkToken(req.url) }) },
  });
}

/** Nest's logger calls (bootstrap, exception filter) as pino records with their context. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace', message: unknown, rest: unknown[]): void {
    // Nest passes the context (a class name) last, and a stack before it for errors
    const context = typeof rest[rest.length - 1] === 'string' ? String(rest[rest.length - 1]) : undefined;
    const stack = rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : undefined;
    this.logger[level]({ context, ...(stack ? { stack } : {}) }, typeof message === 'string' ? message : JSON.stringify(message));
  }
}
