import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { ConfigError, loadConfig, messagingOptions } from './config/config';
import { resolveDatabase } from './database/database-url';
import { UsersService } from './modules/users/users.service';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const logger = new Logger('Bootstrap');
  const db = await resolveDatabase(config);
  if (db.embedded) logger.log(`embedded PostgreSQL started (data in ${config.embeddedPgDir})`);
  const app = await createApp({ databaseUrl: db.url, logLevel: config.logLevel, bodyLimit: config.bodyLimit, requireIfMatch: config.requireIfMatch, messaging: messagingOptions(config, config.worker) });
  if ((await app.get(UsersService).count()) === 0) {
    logger.warn('No users yet. Create the first admin and its API token with:');
    logger.warn('  npm run cli -- user:create --name "Ada Admin" --email ada@example.com --admin');
  }
  const shutdown = async () => {
    await app.close();
    await db.embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen(config.port);
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
