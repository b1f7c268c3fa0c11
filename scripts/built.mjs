#!/usr/bin/env node
// `node scripts/built.mjs <dist entry> [args…]`: runs a compiled entry point, building first only
// when a source is newer than the last build (npm start builds too, so the CLI usually just runs).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
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

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
if (Math.max(...SOURCES.map(newest)) > built) {
  const build = spawnSync(process.execPath, ['node_modules/@nestjs/cli/bin/nest.js', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
if (buildOnly) process.exit(0);
const run = spawnSync(process.execPath, [stamp, ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
