import { rmSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { createApp } from '../src/app.factory';
import { runMigrations } from '../src/database/data-source';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { DEFAULT_POLICY } from '../src/domain/policy';
import { type ReliabilityInput, reliabilityScore } from '../src/domain/reliability';
import { UsersService } from '../src/modules/users/users.service';
import { medianMs, peakRssMiB } from './util';

const ROWS = 10_000;
const EVENTS = 5_000;
const HEADER = 'legalName,taxId,country,categories,contactName,contactEmail,contactPhone,certifications,financialRisk';
const COUNTRIES = ['DE', 'FR', 'ES', 'IT', 'NL'];

function importFile(prefix: string): string {
  const lines = [HEADER];
  for (let i = 0; i < ROWS; i++) {
    const n = String(i).padStart(6, '0');
    lines.push(
      [
        `"Bench Supplier ${prefix}-${n}, GmbH"`,
        `${prefix}-${n}.${i % 97}`,
        COUNTRIES[i % COUNTRIES.length],
        i % 3 === 0 ? 'compressors|pumps' : 'compressors',
        `Contact ${n}`,
        `contact.${n}@supplier${i}.example`,
        '+49 30 1234567',
        'ISO 9001:2015:2025-01-01:2028-12-31|ISO 14001:2024-06-01:2027-05-31',
        ((i % 100) / 100).toFixed(2),
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}

/**
 * Supplier registry at scale: the CSV import of 10,000 suppliers through HTTP (rows/s and peak
 * memory, median of 3), and the reliability of a supplier with 5,000 performance events (the
 * endpoint and the pure function alone).
 */
export async function run(): Promise<void> {
  const dir = join(process.cwd(), '.pgdata', `bench-suppliers-${process.pid}`);
  const server = await startEmbeddedPostgres(dir, false);
  const admin = new Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE bench_suppliers');
  await admin.end();
  const url = new URL(server.adminUrl);
  url.pathname = '/bench_suppliers';
  await runMigrations(url.toString());
  const app = await createApp({ databaseUrl: url.toString(), logLevel: 'silent' });
  try {
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api/v1`;
    const { token } = await app.get(UsersService).createWithToken({ name: 'Bench Admin', email: 'bench@example.com', orgRole: 'admin' });
    const auth = { Authorization: `Bearer ${token.token}` };

    const post = async (body: string) => {
      const res = await fetch(`${base}/suppliers/import`, { method: 'POST', headers: { ...auth, 'Content-Type': 'text/csv' }, body });
      const json = (await res.json()) as { created: number; updated: number };
      if (res.status !== 200) throw new Error(`import failed: ${res.status} ${JSON.stringify(json).slice(0, 500)}`);
      return json;
    };

    const imports: Array<{ ms: number; peakMiB: number; growthMiB: number }> = [];
    let bytes = 0;
    for (let i = 0; i < 3; i++) {
      const body = importFile(`B${i}`);
      bytes = Buffer.byteLength(body);
      const measured = await peakRssMiB(async () => {
        const start = performance.now();
        const counts = await post(body);
        if (counts.created !== ROWS) throw new Error(`expected ${ROWS} created, got ${JSON.stringify(counts)}`);
        return performance.now() - start;
      });
      imports.push({ ms: measured.result, peakMiB: measured.peakMiB, growthMiB: measured.peakMiB - measured.baseMiB });
    }
    const reimportBody = importFile('B0');
    const reimport = await peakRssMiB(async () => {
      const start = performance.now();
      const counts = await post(reimportBody);
      if (counts.updated !== ROWS) throw new Error(`expected ${ROWS} updated, got ${JSON.stringify(counts)}`);
      return performance.now() - start;
    });
    const median = <T>(xs: T[], key: (x: T) => number) => xs.map(key).sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const importMs = median(imports, (x) => x.ms);
    console.log(`import of ${ROWS} suppliers (${(bytes / 2 ** 20).toFixed(2)} MiB CSV, over HTTP, all new), median of 3:`);
    console.log(`  ${importMs.toFixed(0)} ms = ${((ROWS / importMs) * 1000).toFixed(0)} rows/s`);
    console.log(
      `  peak RSS ${median(imports, (x) => x.peakMiB).toFixed(1)} MiB (growth during the request ${median(imports, (x) => x.growthMiB).toFixed(1)} MiB; client and server share the process)`,
    );
    console.log(
      `re-import of the same ${ROWS} (all updated): ${reimport.result.toFixed(0)} ms = ${((ROWS / reimport.result) * 1000).toFixed(0)} rows/s, peak RSS ${reimport.peakMiB.toFixed(1)} MiB`,
    );

    // a supplier with 5,000 events spread over five years
    const db = new Client({ connectionString: url.toString() });
    await db.connect();
    try {
      const [{ id }] = (
        await db.query(
          `INSERT INTO suppliers (legal_name, tax_id, tax_id_normalized, country, categories, certifications, financial_risk)
           VALUES ('Bench Reliability GmbH', 'REL1', 'REL1', 'DE', '{compressors}',
                   '[{"name":"ISO 9001","issuedOn":"2024-01-01","expiresOn":"2028-12-31"}]', 0.2) RETURNING id`,
        )
      ).rows;
      await db.query(
        `INSERT INTO performance_events (supplier_id, type, date, on_time, in_full, severity, description)
         SELECT $1, CASE WHEN g % 10 = 0 THEN 'incident' ELSE 'delivery' END,
                current_date - (g % 1825),
                CASE WHEN g % 10 = 0 THEN NULL ELSE g % 7 <> 0 END,
                CASE WHEN g % 10 = 0 THEN NULL ELSE g % 11 <> 0 END,
                CASE WHEN g % 10 = 0 THEN (ARRAY['minor','major','critical'])[1 + g % 3] END,
                CASE WHEN g % 10 = 0 THEN 'bench incident' END
           FROM generate_series(1, $2::int) g`,
        [id, EVENTS],
      );
      const endpointMs = await medianMs(async () => {
        const res = await fetch(`${base}/suppliers/${id}/reliability`, { headers: auth });
        if (res.status !== 200) throw new Error(`reliability failed: ${res.status}`);
        await res.json();
      }, 11, 2);
      const events = (await db.query(
        `SELECT type, date::text AS date, on_time AS "onTime", in_full AS "inFull", severity FROM performance_events WHERE supplier_id = $1`,
        [id],
      )).rows as Array<{ type: string; date: string; onTime: boolean; inFull: boolean; severity: 'minor' | 'major' | 'critical' }>;
      const input: ReliabilityInput = {
        asOf: new Date().toISOString().slice(0, 10),
        deliveries: events.filter((e) => e.type === 'delivery').map((e) => ({ date: e.date, onTime: e.onTime, inFull: e.inFull })),
        incidents: events.filter((e) => e.type === 'incident').map((e) => ({ date: e.date, severity: e.severity })),
        certifications: [{ name: 'ISO 9001', issuedOn: '2024-01-01', expiresOn: '2028-12-31' }],
        financialRisk: 0.2,
      };
      const pureMs = await medianMs(() => reliabilityScore(input, DEFAULT_POLICY.reliability), 51, 5);
      console.log(`reliability of a supplier with ${EVENTS} events (median):`);
      console.log(`  GET /suppliers/:id/reliability ${endpointMs.toFixed(2)} ms; pure reliabilityScore ${pureMs.toFixed(3)} ms`);
    } finally {
      await db.end();
    }
  } finally {
    await app.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
