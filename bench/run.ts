import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm run bench`: runs every `bench/*.bench.js` (compiled) in turn; each prints its own figures.
 * Figures are medians over repeated runs, with peak memory where it matters; nothing here is a test.
 */
async function main(): Promise<void> {
  const only = process.argv[2];
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.js'))
    .filter((f) => !only || f.includes(only))
    .sort();
  for (const file of files) {
    console.log(`\n## ${file.replace(/\.bench\.js$/, '')}`);
    const mod = (await import(join(__dirname, file))) as { run: () => Promise<void> };
    await mod.run();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
