import type { Config } from '@jest/types';
import { suiteStatusSummary } from './contract-summary';
import { dropRunDatabases, removeDir } from './global-setup';

export default async function globalTeardown(globalConfig: Config.GlobalConfig): Promise<void> {
  try {
    // the suite-wide status comparison needs the whole suite: not after a selection of files or tests
    const complete = !globalConfig.testPathPatterns.isSet() && !globalConfig.testNamePattern && !globalConfig.onlyChanged && !globalConfig.findRelatedTests;
    suiteStatusSummary({ complete });
  } finally {
    await stopDatabase();
  }
}

async function stopDatabase(): Promise<void> {
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
