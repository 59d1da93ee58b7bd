#!/usr/bin/env node
// Load figure for the collector: posts wire batches over loopback for a bounded time and
// prints events accepted per second for each store. A benchmark that prints, not a test.
//
//   pnpm rollup -c && node packages/collector/scripts/load.mjs [--seconds 5] [--batch 50]
//     [--concurrency 16] [--pg postgres://user@127.0.0.1:5432/db]
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

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

// A UUIDv7-shaped id: 48-bit time, version 7, variant 10, random rest.
const uuidv7 = () => {
  const r = randomUUID().replace(/-/g, '').split('');
  const t = Date.now().toString(16).padStart(12, '0');
  for (let i = 0; i < 12; i++) r[i] = t[i];
  r[12] = '7';
  r[16] = '89ab'[parseInt(r[16], 16) & 3];
  const h = r.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

const body = () =>
  JSON.stringify({
    v: 1,
    site: 'load',
    sent: Date.now(),
    events: Array.from({ length: batchSize }, (_, i) => ({
      id: uuidv7(),
      type: 'signal',
      purpose: 'measurement',
      ts: Date.now(),
      path: '/checkout',
      device: 'desktop',
      signal: i % 2 ? 'rage_click' : 'dead_click',
      target: '[data-attune="pay"]',
      count: 3,
      confidence: 'normal',
    })),
  });

const postOnce = (url, agent, text) =>
  new Promise((resolve, reject) => {
    const req = request(`${url}/collect`, { method: 'POST', agent, headers: { 'Content-Type': 'application/json' } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(text);
  });

async function measure(name, store) {
  const c = await startCollector({ port: 0, store, rateLimit: false, onError: () => {} });
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  let accepted = 0;
  let failed = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const res = await postOnce(c.url, agent, body());
        if (res.status === 200) accepted += JSON.parse(res.body).accepted;
        else failed++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
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
