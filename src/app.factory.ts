import { type INestApplication, Logger, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { json, type NextFunction, type Request, type Response, type RequestHandler, urlencoded } from 'express';
import { AppModule } from './app.module';
import { assertShapes, bodyShapeGuard } from './common/body-shape';
import { csvBody, deferBody } from './common/deferred-body';
import { DEFAULT_POLICY } from './domain/policy';
import { JsonReplyAdapter } from './common/json-reply';
import { methodGate, mediaTypeGate, type RouteTable, routeTable } from './common/http-gates';
import { createLogger, PinoNestLogger, requestLogger } from './common/logging';
import { bodyErrorHandler } from './common/problem';
import { validationPipe } from './common/validation';
import { buildDocument } from './openapi/document';
import { type MessagingOptions } from './modules/messages/messaging.options';
import { supplierPortalPage } from './modules/messages/portal-page';
import { httpMetrics } from './modules/observability/http-metrics';
import { Metrics } from './modules/observability/metrics';
import { type ObservabilityOptions, ServiceState } from './modules/observability/observability.options';
import { closeWhileDraining } from './modules/observability/drain';
import { CallerCache, forgetOnWrites } from './modules/auth/caller-cache';

export interface CreateAppOptions {
  databaseUrl: string;
  logLevel?: string;
  bodyLimit?: string;
  /** PUT/PATCH of the case, the specification and the policy without If-Match → 428 (default false) */
  requireIfMatch?: boolean;
  /** false: no database connection (to export the OpenAPI document); default true */
  connect?: boolean;
  /** mail transport and delivery worker (default: no worker in this process) */
  messaging?: Partial<MessagingOptions>;
  /** report-rendering worker threads (0: on the main thread; default: one per core but one) */
  reportWorkers?: number;
  /** GET /metrics's token (null: metrics off) and whether process metrics are exported */
  observability?: Partial<ObservabilityOptions>;
  /** run (default): apply pending migrations under the advisory lock; check: refuse to start on another schema */
  migrations?: 'run' | 'check';
  /** Express middleware run before everything else (the tests' contract recorder) */
  middleware?: RequestHandler[];
}

const CSV_PATHS = ['/api/v1/suppliers/import', '/api/v1/suppliers/performance/import'];
/** the approver pages post HTML forms (README "Approver pages") */
const PAGE_FORMS = /^\/approve(\/|$)/;

/** Builds the whole HTTP application; `main.ts`, the tests and the benchmarks all start it this way. */
export async function createApp(options: CreateAppOptions): Promise<INestApplication> {
  const logger = createLogger(options.logLevel ?? 'info');
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({ databaseUrl: options.databaseUrl, connect: options.connect ?? true, requireIfMatch: options.requireIfMatch ?? false, messaging: options.messaging, reportWorkers: options.reportWorkers, observability: options.observability, migrations: options.migrations }),
    new JsonReplyAdapter(),
    { bodyParser: false, logger: new PinoNestLogger(logger) },
  );
  // ETags are the contract's (the case, the specification draft, the policy: strong, for If-Match),
  // not Express's weak one on every answer (a 404 carried one, which If-Match then refused)
  app.set('etag', false);
  let routes: RouteTable | null = null;
  for (const middleware of options.middleware ?? []) app.use(middleware);
  // any request that may change data clears the guard's caller cache, when it starts and when it answers
  app.use(forgetOnWrites(app.get(CallerCache)));
  app.use(httpMetrics(app.get(Metrics)));
  app.use(closeWhileDraining(app.get(ServiceState)));
  // a silent logger writes no request line: its per-request child logger would be work for nothing
  if (logger.level !== 'silent') app.use(requestLogger(logger));
  app.use(methodGate(() => routes));
  app.use(mediaTypeGate(CSV_PATHS, PAGE_FORMS));
  const limit = options.bodyLimit ?? '256kb';
  // auth before work: the parsers run only once the access guard has authenticated the caller and
  // passed the route's permission (readDeferredBody); CSV imports are bounded on their own, by the policy
  app.use(
    deferBody([
      json({ limit, type: ['application/json', 'application/*+json'] }),
      // the approver pages' forms (the media-type gate lets them through on /approve only)
      urlencoded({ limit: '16kb', extended: false, parameterLimit: 20 }),
      csvBody(CSV_PATHS, { maxInflatedBytes: DEFAULT_POLICY.imports.maxInflatedBytes, maxInflateRatio: DEFAULT_POLICY.imports.maxInflateRatio }),
      bodyShapeGuard(),
    ], assertShapes),
  );
  app.use(bodyErrorHandler(new Logger('Body')));
  // the page an invitation e-mail's link opens (README "Messages"); outside the API and its document
  app.use('/supplier-portal', (req: Request, res: Response, next: NextFunction) => (req.method === 'GET' && (req.path === '/' || req.path === '') ? supplierPortalPage(req, res) : next()));
  app.setGlobalPrefix('api/v1', {
    exclude: [
      ...['health', 'health/live', 'health/ready', 'metrics'].map((path) => ({ path, method: RequestMethod.GET })),
      { path: 'approve', method: RequestMethod.ALL },
      { path: 'approve/*path', method: RequestMethod.ALL },
    ],
  });
  app.useGlobalPipes(validationPipe);

  const document = buildDocument(app);
  routes = routeTable({ ...document.paths, '/docs': { get: {} }, '/docs-json': { get: {} }, '/docs-yaml': { get: {} } } as Record<string, Record<string, unknown>>);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
  await app.init();
  return app;
}
