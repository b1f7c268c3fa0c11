import { type INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { UsersService } from '../../src/modules/users/users.service';

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  db: DataSource;
  /** a new admin with a token: every spec starts from one */
  admin: TestUser;
  close(): Promise<void>;
}

export interface TestUser {
  id: string;
  name: string;
  email: string;
  token: string;
  auth: { Authorization: string };
}

/** Only databases this run made are ever touched: their names carry the run id. */
function databaseName(): string {
  const runId = process.env.TEST_RUN_ID;
  if (!runId || !process.env.TEST_ADMIN_URL || !process.env.TEST_TEMPLATE_DB) {
    throw new Error('e2e specs run through jest with the global setup (npm test)');
  }
  return `supeval_test_${runId}_${randomBytes(4).toString('hex')}`;
}

/** A fresh database cloned from the migrated template, and the app on it. */
export async function startTestApp(): Promise<TestApp> {
  const name = databaseName();
  const adminUrl = process.env.TEST_ADMIN_URL!;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${process.env.TEST_TEMPLATE_DB}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const app = await createApp({ databaseUrl: url.toString(), logLevel: 'silent', bodyLimit: '256kb' });
  const db = app.get(DataSource);
  const users = app.get(UsersService);
  const created = await users.createWithToken({ name: 'Ada Admin', email: `admin-${name}@example.com`, orgRole: 'admin' });
  const adminUser: TestUser = {
    id: created.user.id,
    name: created.user.name,
    email: created.user.email,
    token: created.token.token,
    auth: { Authorization: `Bearer ${created.token.token}` },
  };
  return {
    app,
    http: request(app.getHttpServer()),
    db,
    admin: adminUser,
    close: async () => {
      await app.close();
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
