import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { ConfigError, loadConfig, messagingOptions } from './config/config';
import { resolveDatabase } from './database/database-url';
import { announceService, cliCommand, databaseTarget, describeTarget } from './database/running-services';
import { UsersService } from './modules/users/users.service';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const logger = new Logger('Bootstrap');
  const db = await resolveDatabase(config);
  const target = databaseTarget(config);
  logger.log(`database: ${describeTarget(target)}`);
  const app = await createApp({ databaseUrl: db.url, logLevel: config.logLevel, bodyLimit: config.bodyLimit, requireIfMatch: config.requireIfMatch, messaging: messagingOptions(config, config.worker), reportWorkers: config.reportWorkers ?? undefined, observability: { metricsToken: config.metricsToken, processMetrics: true } });
  if ((await app.get(UsersService).count()) === 0) {
    logger.warn('No users yet. Create the first admin and its API token with:');
    logger.warn(`  ${cliCommand(target)}`);
  }
  let withdraw: (() => void) | null = null;
  const shutdown = async () => {
    withdraw?.();
    await app.close();
    await db.embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
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
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
