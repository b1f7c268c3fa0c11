import { NestFactory } from '@nestjs/core';
import { cliModule } from '../../src/cli.module';
import { UsersService } from '../../src/modules/users/users.service';
import { cloneTestDatabase } from '../setup/test-app';

/** `npm run cli -- user:create` builds only the CLI's module: it must resolve on its own and write a usable user. */
describe('the CLI module', () => {
  it('resolves its providers and creates a user with a token', async () => {
    const database = await cloneTestDatabase();
    const app = await NestFactory.createApplicationContext(cliModule(database.url), { logger: false });
    try {
      const { user, token } = await app.get(UsersService).createWithToken({ name: 'Cli Admin', email: 'cli-admin@example.com', orgRole: 'admin' });
      expect({ orgRole: user.orgRole, email: user.email }).toEqual({ orgRole: 'admin', email: 'cli-admin@example.com' });
      expect(token.token).toMatch(/^sev_/);
    } finally {
      await app.close();
      await database.drop();
    }
  });
});
