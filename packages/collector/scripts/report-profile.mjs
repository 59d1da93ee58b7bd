// Where the report's time goes: fills a fresh PostgreSQL or ClickHouse (or a SQLite file) with
// the volume script's synthetic events, runs the store's report once, and prints every query
// the report sent with its time, slowest first (PostgreSQL: with EXPLAIN ANALYZE of the slowest).
//
//   node packages/collector/scripts/report-profile.mjs --store postgres|clickhouse --events 100000
// (needs `npx rollup -c` first: the store comes from dist/). Figures only.
import { parseArgs } from 'node:util';
import { createClickhouseStore, createPostgresStore } from '../dist/index.js';
import { findClickhouse, startClickhouse } from './clickhouse-server.mjs';
import { findPostgres, startPostgres } from './postgres-server.mjs';
import { trafficBatches } from './report-volume.mjs';

const { values } = parseArgs({
  options: {
    store: { type: 'string', default: 'postgres' },
    events: { type: 'string', default: '100000' },
    explain: { type: 'string', default: '1' },
  },
});
const total = Number(values.events);
const timed = [];
const time = async (sql, run) => {
  const t0 = performance.now();
  const out = await run();
  timed.push({ ms: performance.now() - t0, sql });
  return out;
};

let server;
let store;
let explain = async () => '';
if (values.store === 'postgres') {
  const found = findPostgres();
  if ('missing' in found) throw new Error(found.missing);
  server = await startPostgres(found);
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: server.url(), max: 10 });
  const wrapped = {
    query: (text, v) => (/^\s*SELECT/.test(text) && !v ? time(text, () => pool.query(text, v)) : pool.query(text, v)),
    end: () => pool.end(),
  };
  store = await createPostgresStore({ pool: wrapped });
  explain = async (sql) => (await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`)).rows.map((r) => r['QUERY PLAN']).join('\n');
} else if (values.store === 'clickhouse') {
  const found = findClickhouse();
  if ('missing' in found) throw new Error(found.missing);
  server = await startClickhouse(found);
  const { createClient } = await import('@clickhouse/client');
  const client = createClient({ url: server.url, request_timeout: 600_000 });
  const wrapped = {
    query: (p) =>
      /^\s*SELECT id FROM/.test(p.query)
        ? client.query(p)
        : time(p.query, async () => {
            const r = await client.query(p);
            const rows = await r.json();
            return { json: async () => rows };
          }),
    insert: (p) => client.insert(p),
    command: (p) => client.command(p),
    close: () => client.close(),
  };
  store = await createClickhouseStore({ client: wrapped });
} else throw new Error('--store postgres or clickhouse');

for (const batch of trafficBatches(total, 4000)) await store.insert(batch, 'shop');
timed.length = 0;
const t0 = performance.now();
await store.report({ site: 'shop' });
console.log(
  `${values.store}, ${total.toLocaleString('en')} events: report ${((performance.now() - t0) / 1000).toFixed(2)} s in ${timed.length} queries`,
);
timed.sort((a, b) => b.ms - a.ms);
for (const q of timed) console.log(`${(q.ms / 1000).toFixed(3).padStart(8)} s  ${q.sql.replace(/\s+/g, ' ').slice(0, 160)}`);
for (const q of timed.slice(0, Number(values.explain))) console.log(`\n${await explain(q.sql)}`);
await store.close();
await server.stop();
