import 'reflect-metadata';
import { runCli } from './cli.run';

runCli(process.argv.slice(2)).catch((err) => {
  console.error(err instanceof Error ? err.message || String(err) : String(err));
  process.exit(1);
});
