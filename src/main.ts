import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { type Server } from 'node:http';
import { createApp } from './app.factory';
import { ConfigError, loadConfig, messagingOptions } from './config/config';
import { resolveDatabase } from './database/database-url';
import { SchemaMismatchError } from './database/migrate-once';
import { announceService, cliCommand, databaseTarget, describeTarget } from './database/running-services';
import { stopAccepting } from './modules/observability/drain';
import { ServiceState } from './modules/observability/observability.options';
import { UsersService } from './modules/users/users.service';

/** How long SIGTERM waits for the requests in flight before cutting them off. */
const DRAIN_GRACE_MS = 25_000;

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const logger = new Logger('Bootstrap');
  const db = await resolveDatabase(config);
  const target = databaseTarget(config);
  logger.log(`database: ${describeTarget(target)}`);
  const app = await createApp({
    databaseUrl: db.url,
    logLevel: config.logLevel,
    bodyLimit: config.bodyLimit,
    requireIfMatch: config.requireIfMatch,
    messaging: messagingOptions(config, config.worker),
    reportWorkers: config.reportWorkers ?? undefined,
    observability: { metricsToken: config.metricsToken, processMetrics: true },
    migrations: config.migrations,
  });
  if ((await app.get(UsersService).count()) === 0) {
    logger.warn('No users yet. Create the first admin and its API token with:');
    logger.warn(`  ${cliCommand(target)}`);
  }
  let withdraw: (() => void) | null = null;
  let stopping = false;
  // SIGTERM (README "Past one machine"): readiness turns 503, no new connection is accepted, the
  // requests in flight are answered, then the workers finish their current jobs, then the pools close
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: draining`);
    app.get(ServiceState).draining = true;
    withdraw?.();
    await stopAccepting(app.getHttpServer() as Server, DRAIN_GRACE_MS);
    await app.close();
    await db.embedded?.stop();
    logger.log('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen(config.port);
  // CLIs on this machine check which database a running service uses before creating a user
  withdraw = announceService({ pid: process.pid, port: config.port, target, startedAt: new Date().toISOString() });
  logger.log(`listening on http://localhost:${config.port} (OpenAPI at /docs)`);
  logger.log(
    config.worker
      ? `delivering messages ${config.smtpUrl ? 'by SMTP' : `as .eml files in ${config.mailDir}`}`
      : 'message delivery is left to `npm run worker` (WORKER=false)',
  );
}

bootstrap().catch((err) => {
  console.error(err instanceof ConfigError || err instanceof SchemaMismatchError ? err.message : err);
  process.exit(1);
});
