#!/usr/bin/env node
// `node scripts/built.mjs <dist entry> [args…]`: runs a compiled entry point, building first only
// when a source is newer than the last build (npm start builds too, so the CLI usually just runs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

// `--build-only`: build if needed and stop (a spec that starts the compiled worker as its own process)
const buildOnly = process.argv[2] === '--build-only';
const [entry, ...args] = process.argv.slice(buildOnly ? 3 : 2);
const stamp = join('dist', entry);
const SOURCES = ['src', 'migrations', 'bench', 'test/fixtures', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json', 'package-lock.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const stale = () => Math.max(...SOURCES.map(newest)) > (existsSync(stamp) ? statSync(stamp).mtimeMs : 0);

// One build at a time: `nest build` empties dist/ first, so a second build started while another
// process runs from dist/ (two specs of one test run, each starting compiled processes) would pull
// files from under it. The lock is a directory (mkdir is atomic); whoever waited re-checks and
// usually finds the build done. A lock older than ten minutes is a crashed build's and is taken over.
const LOCK = join('node_modules', '.cache', 'supeval-build.lock');
function withBuildLock(run) {
  mkdirSync(join('node_modules', '.cache'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 10 * 60_000) rmSync(LOCK, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    return run();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

if (stale()) {
  const status = withBuildLock(() => {
    if (!stale()) return 0;
    const build = spawnSync(process.execPath, ['node_modules/@nestjs/cli/bin/nest.js', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
    return build.status ?? 1;
  });
  if (status !== 0) process.exit(status);
}
if (buildOnly) process.exit(0);
const run = spawnSync(process.execPath, [stamp, ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
