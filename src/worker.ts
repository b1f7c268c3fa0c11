import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { ConfigError, loadConfig, messagingOptions } from './config/config';
import { resolveDatabase } from './database/database-url';

/**
 * `npm run worker`: the delivery worker alone, no HTTP (start the service with WORKER=false, or
 * run several of both: each message is still sent once, see src/modules/messages/delivery-worker.ts).
 * SIGTERM/SIGINT finish the attempts under way, then stop.
 */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const logger = new Logger('Worker');
  const db = await resolveDatabase(config);
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({ databaseUrl: db.url, messaging: messagingOptions(config, true), migrations: config.migrations }),
    { logger: config.logLevel === 'silent' ? false : ['log', 'warn', 'error'] },
  );
  await app.init();
  const shutdown = async () => {
    await app.close();
    await db.embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  logger.log(`delivering messages ${config.smtpUrl ? 'by SMTP' : `as .eml files in ${config.mailDir}`}`);
}

bootstrap().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
