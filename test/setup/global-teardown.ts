import { dropRunDatabases, removeDir } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env.TEST_ADMIN_URL;
  const runId = process.env.TEST_RUN_ID;
  if (adminUrl && runId) await dropRunDatabases(adminUrl, runId);
  const embedded = (globalThis as Record<string, unknown>).__EMBEDDED_PG__ as
    | { server: { stop(): Promise<void> }; dir: string }
    | undefined;
  if (embedded) {
    await embedded.server.stop();
    removeDir(embedded.dir);
  }
}
