import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config/config';
import { resolveDatabase } from './database/database-url';
import { databaseTarget, describeTarget, mismatchWarning, runningServices, runtimeDir } from './database/running-services';
import { UsersService } from './modules/users/users.service';
import { cliModule } from './cli.module';

const USAGE = 'usage: npm run cli -- user:create --name "Ada Admin" --email ada@example.com [--admin] [--executive] [--anyway]';

/**
 * `npm run cli -- user:create …` creates a user and prints its API token on the last line, after
 * the database it used. When services run on this machine but none on that database, it creates
 * nothing and names both (a token there would be refused by every running service).
 */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env, out: (line: string) => void = console.log): Promise<void> {
  const [command, ...rest] = argv;
  if (command !== 'user:create') throw new ConfigError(USAGE);
  const { values } = parseArgs({
    args: rest,
    options: {
      name: { type: 'string' },
      email: { type: 'string' },
      admin: { type: 'boolean', default: false },
      executive: { type: 'boolean', default: false },
      anyway: { type: 'boolean', default: false },
    },
  });
  if (!values.name || !values.email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email)) throw new ConfigError(USAGE);
  const config = loadConfig(env);
  const target = databaseTarget(config);
  const mismatch = values.anyway ? null : mismatchWarning(target, runningServices(runtimeDir(env)));
  if (mismatch) throw new ConfigError(mismatch);
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
    out(`database: ${describeTarget(target)}`);
    out(`created ${user.orgRole} ${user.name} <${user.email}> (id ${user.id}); API token, shown once:`);
    out(token.token);
  } finally {
    await app.close();
    await db.embedded?.stop();
  }
}
