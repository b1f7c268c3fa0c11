import { type INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { type MessagingOptions } from '../../src/modules/messages/messaging.options';
import { type ObservabilityOptions } from '../../src/modules/observability/observability.options';
import { UsersService } from '../../src/modules/users/users.service';
import { ApiClient, CaseBuilder, type Person } from '../../src/tools/case-builder';
import { supertestTransport } from './supertest-transport';
import { contractViolations } from './contract-check';
import { ContractRecorder } from './contract-recorder';

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  db: DataSource;
  /** the URL of this file's own database (a second worker or process connects to it) */
  databaseUrl: string;
  /** a new admin with a token: every spec starts from one */
  admin: TestUser;
  /** the API through supertest, for the case builder and its step functions */
  api: ApiClient;
  /** a case builder acting through this app, with the spec's admin */
  builder(): CaseBuilder;
  close(): Promise<void>;
}

export type TestUser = Omit<Person, 'key'>;

/** Only databases this run made are ever touched: their names carry the run id. */
function databaseName(): string {
  const runId = process.env.TEST_RUN_ID;
  if (!runId || !process.env.TEST_ADMIN_URL || !process.env.TEST_TEMPLATE_DB) {
    throw new Error('e2e and integration specs run through jest with the global setup (npm test)');
  }
  return `supeval_test_${runId}_${randomBytes(4).toString('hex')}`;
}

/** A fresh database cloned from the migrated template; `drop` removes it. */
export function cloneTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  return runDatabase(process.env.TEST_TEMPLATE_DB!);
}

/** An empty database of this run (no migration applied): what a first deployment starts on. */
export function freshTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  return runDatabase(null);
}

async function runDatabase(template: string | null): Promise<{ url: string; drop(): Promise<void> }> {
  const name = databaseName();
  const adminUrl = process.env.TEST_ADMIN_URL!;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A fresh database cloned from the migrated template, and the app on it. */
/**
 * Mail in the specs: no worker unless a spec asks for one, .eml files (if any) in a throw-away
 * folder, and retries and leases short enough to watch.
 */
export const TEST_MESSAGING: Partial<MessagingOptions> = {
  worker: false,
  retryDelaySeconds: 1,
  leaseSeconds: 5,
  pollingIntervalSeconds: 0.5,
  maintenanceIntervalSeconds: 1,
  // a spec sweeps with its own "now" (DeadlineReminders.sweep), never on the clock
  reminderSweepSeconds: 0,
};

export async function startTestApp(
  options: { requireIfMatch?: boolean; messaging?: Partial<MessagingOptions>; observability?: Partial<ObservabilityOptions> } = {},
): Promise<TestApp> {
  const database = await cloneTestDatabase();
  const recorder = new ContractRecorder();
  const app = await createApp({
    databaseUrl: database.url,
    logLevel: 'silent',
    bodyLimit: '256kb',
    middleware: [recorder.middleware()],
    requireIfMatch: options.requireIfMatch,
    observability: options.observability,
    messaging: { ...TEST_MESSAGING, mailDir: join(tmpdir(), `supeval-mail-${randomBytes(4).toString('hex')}`), ...options.messaging },
  });
  const db = app.get(DataSource);
  const users = app.get(UsersService);
  const created = await users.createWithToken({ name: 'Ada Admin', email: `admin-${randomBytes(6).toString('hex')}@example.com`, orgRole: 'admin' });
  const adminUser: TestUser = {
    id: created.user.id,
    name: created.user.name,
    email: created.user.email,
    token: created.token.token,
    auth: { Authorization: `Bearer ${created.token.token}` },
  };
  const http = request(app.getHttpServer());
  const api = new ApiClient(supertestTransport(http));
  return {
    app,
    http,
    db,
    databaseUrl: database.url,
    admin: adminUser,
    api,
    builder: () => new CaseBuilder(api, adminUser.token),
    close: async () => {
      // every answer of this file against the served document: a declared status, a matching body
      const document = (await request(app.getHttpServer()).get('/docs-json')).body;
      recorder.save(document);
      const violations = contractViolations(document, recorder.exchanges);
      await app.close();
      await database.drop();
      if (violations.length > 0) {
        const lines = [...new Set(violations.map((v) => `${v.method} ${v.path} → ${v.status} (${v.operationId}): ${v.problem}`))];
        throw new Error(`the server answered outside its OpenAPI document:\n${lines.slice(0, 30).join('\n')}`);
      }
    },
  };
}
