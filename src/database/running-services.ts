import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppConfig } from '../config/config';

/**
 * Which database a process of this service uses, said the same way by the service's start-up hint
 * and the CLI (README "First steps"): the embedded server's data folder, or the URL without its
 * password, and the environment that selects it.
 */
export interface DatabaseTarget {
  kind: 'embedded' | 'url';
  /** the folder of the embedded server, or the URL with its password left out */
  where: string;
  /** what a shell puts before `npm run cli` to reach the same database */
  env: string;
}

/** A URL's password never leaves: `postgres://app:secret@db/x` → `postgres://app@db/x`. */
export function withoutPassword(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1@');
  }
}

const shellQuote = (text: string) => (/^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);

export function databaseTarget(config: Pick<AppConfig, 'databaseUrl' | 'embeddedPgDir'>): DatabaseTarget {
  if (config.databaseUrl) {
    const where = withoutPassword(config.databaseUrl);
    const hasPassword = where !== config.databaseUrl;
    // the password is not printed: the shell that started the service has it
    const env = `DATABASE_URL=${shellQuote(hasPassword ? config.databaseUrl.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1<password>@') : where)}`;
    return { kind: 'url', where, env };
  }
  return { kind: 'embedded', where: config.embeddedPgDir, env: `EMBEDDED_PG_DIR=${shellQuote(config.embeddedPgDir)}` };
}

export function describeTarget(t: DatabaseTarget): string {
  return t.kind === 'embedded' ? `the embedded PostgreSQL in ${t.where}` : `PostgreSQL at ${t.where}`;
}

/** The CLI command that creates the first admin on the database of `target`. */
export function cliCommand(target: DatabaseTarget): string {
  return `${target.env} npm run cli -- user:create --name "Ada Admin" --email ada@example.com --admin`;
}

/** A running service as it announces itself to CLIs on the same machine. */
export interface RunningService {
  pid: number;
  port: number;
  target: DatabaseTarget;
  startedAt: string;
}

/** Where running services announce themselves: per machine user, outside any data folder. */
export function runtimeDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.SUPEVAL_RUNTIME_DIR ?? join(tmpdir(), `supplier-evaluation-${process.getuid?.() ?? 'user'}`);
}

/** Announces this process as a service on `target`; the returned function withdraws it. */
export function announceService(service: RunningService, dir = runtimeDir()): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${service.pid}.json`);
  writeFileSync(file, JSON.stringify(service));
  const withdraw = () => rmSync(file, { force: true });
  process.once('exit', withdraw);
  return withdraw;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: string }).code === 'EPERM';
  }
}

/** The services that announced themselves and still run (a crashed one's stale file is ignored). */
export function runningServices(dir = runtimeDir()): RunningService[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
  const services: RunningService[] = [];
  for (const name of names) {
    try {
      const s = JSON.parse(readFileSync(join(dir, name), 'utf8')) as RunningService;
      if (Number.isInteger(s.pid) && alive(s.pid) && s.target?.where) services.push(s);
    } catch {
      // a file being written or not ours: skip it
    }
  }
  return services.sort((a, b) => a.pid - b.pid);
}

/**
 * The CLI's check before it creates a user: when services run but none on the CLI's database,
 * a user created there could not log in to any of them. Null when the CLI may go on.
 */
export function mismatchWarning(target: DatabaseTarget, running: readonly RunningService[]): string | null {
  if (running.length === 0 || running.some((s) => s.target.kind === target.kind && s.target.where === target.where)) return null;
  const lines = [
    `no service runs on ${describeTarget(target)}, the database this CLI would use;`,
    ...running.map((s) => `a service runs on ${describeTarget(s.target)} (pid ${s.pid}, port ${s.port}); create its user with:\n  ${cliCommand(s.target)}`),
    'nothing was created (add --anyway to create the user on this database all the same)',
  ];
  return lines.join('\n');
}
