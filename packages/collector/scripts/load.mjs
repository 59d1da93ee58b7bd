#!/usr/bin/env node
// Load figure for the collector: posts wire batches over loopback for a bounded time and
// prints events accepted per second for each store. A benchmark that prints, not a test.
//
//   pnpm rollup -c && node packages/collector/scripts/load.mjs [--seconds 5] [--batch 50]
//     [--concurrency 16] [--pg postgres://user@127.0.0.1:5432/db]
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { driveLoad } from './load-driver.mjs';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    batch: { type: 'string', default: '50' },
    concurrency: { type: 'string', default: '16' },
    pg: { type: 'string' },
  },
});
const seconds = Number(values.seconds);
const batchSize = Number(values.batch);
const concurrency = Number(values.concurrency);

let collector;
try {
  collector = await import('../dist/index.js');
} catch {
  console.error('load.mjs runs against the built package: run `pnpm rollup -c` from the repo root first');
  process.exit(1);
}
const { startCollector, createMemoryStore, createSqliteStore, createPostgresStore } = collector;

async function measure(name, store) {
  const c = await startCollector({ port: 0, store, rateLimit: false, onError: () => {} });
  const { accepted, failed, elapsed } = await driveLoad(c.url, { seconds, batch: batchSize, concurrency });
  const stored = await store.count();
  await c.close();
  return { store: name, 'events/s': Math.round(accepted / elapsed), accepted, stored, 'failed requests': failed, seconds: elapsed.toFixed(1) };
}

console.log(
  `collector load: ${seconds}s per store, batches of ${batchSize}, ${concurrency} concurrent requests, ` +
    `Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'})`,
);
const rows = [];
rows.push(await measure('memory', createMemoryStore()));
const dir = mkdtempSync(join(tmpdir(), 'attune-load-'));
try {
  rows.push(await measure('sqlite (file)', createSqliteStore({ file: join(dir, 'load.sqlite') })));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (values.pg) {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: values.pg, max: concurrency });
  await pool.query('DROP TABLE IF EXISTS attune_load_events');
  rows.push(await measure('postgresql', await createPostgresStore({ pool, table: 'attune_load_events' })));
} else {
  console.log('postgresql: skipped (pass --pg <connection url> to measure it)');
}
console.table(rows);
