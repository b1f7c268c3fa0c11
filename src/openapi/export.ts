import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { createApp } from '../app.factory';

/** `npm run openapi -- <file>`: the document /docs-json serves, built without a database. */
async function main(): Promise<void> {
  const app = await createApp({ databaseUrl: 'postgres://unused@127.0.0.1:1/none', logLevel: 'silent', connect: false });
  await app.listen(0);
  const address = app.getHttpServer().address() as { port: number };
  const document = await (await fetch(`http://127.0.0.1:${address.port}/docs-json`)).text();
  await app.close();
  const file = process.argv[2];
  if (file) writeFileSync(file, `${JSON.stringify(JSON.parse(document), null, 2)}\n`);
  else process.stdout.write(document);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
