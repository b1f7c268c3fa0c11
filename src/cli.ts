import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config/config';
import { resolveDatabase } from './database/database-url';
import { UsersService } from './modules/users/users.service';
import { cliModule } from './cli.module';

const USAGE = 'usage: npm run cli -- user:create --name "Ada Admin" --email ada@example.com [--admin] [--executive]';

/** `npm run cli -- user:create …` creates a user and prints its API token on the last line. */
async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command !== 'user:create') throw new ConfigError(USAGE);
  const { values } = parseArgs({
    args: rest,
    options: {
      name: { type: 'string' },
      email: { type: 'string' },
      admin: { type: 'boolean', default: false },
      executive: { type: 'boolean', default: false },
    },
  });
  if (!values.name || !values.email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email)) throw new ConfigError(USAGE);
  const config = loadConfig();
  const db = await resolveDatabase(config);
  const app = await NestFactory.createApplicationContext(cliModule(db.url), {
    logger: ['error'],
  });
  try {
    const { user, token } = await app.get(UsersService).createWithToken({
      name: values.name,
      email: values.email,
      orgRole: values.admin ? 'admin' : 'member',
      executive: values.executive,
    });
    console.log(`created ${user.orgRole} ${user.name} <${user.email}> (id ${user.id}); API token, shown once:`);
    console.log(token.token);
  } finally {
    await app.close();
    await db.embedded?.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message || String(err) : String(err));
  process.exit(1);
});
