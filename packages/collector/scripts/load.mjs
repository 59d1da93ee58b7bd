#!/usr/bin/env node
// Load figure for the collector: autocannon drives POST /collect with wire batches of fresh
// event ids, against the SQLite file store and a real PostgreSQL server (started from Debian's
// package unless --pg names one), then a SELECT proves every acknowledged event was stored
// exactly once. Prints a table and, with --json, writes the rows. A benchmark, not a test.
//
//   pnpm build && node packages/collector/scripts/load.mjs [--seconds 10] [--batch 20]
//     [--connections 8] [--stores sqlite,postgres] [--pg postgres://user@127.0.0.1:5432/db] [--json out.json]
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { formatLoadTable, runCollectorLoad } from './load-driver.mjs';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    batch: { type: 'string', default: '20' },
    connections: { type: 'string', default: '8' },
    stores: { type: 'string', default: 'sqlite,postgres' },
    pg: { type: 'string' },
    json: { type: 'string' },
  },
});
const whole = (name, min, max) => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`--${name} must be a whole number from ${min} to ${max}, not ${values[name]}`);
    process.exit(2);
  }
  return n;
};
const seconds = whole('seconds', 1, 600);
const batch = whole('batch', 1, 1000);
const connections = whole('connections', 1, 1000);
const stores = values.stores
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

try {
  await import('../dist/index.js');
} catch {
  console.error('load.mjs runs against the built package: run `pnpm build` from the repo root first');
  process.exit(1);
}

const machine = `Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model?.trim() ?? 'unknown'})`;
console.log(`collector load · autocannon · ${seconds}s per store, batches of ${batch} events, ${connections} connections · ${machine}`);
const { rows, skipped, postgresVersion } = await runCollectorLoad({
  stores,
  seconds,
  batch,
  connections,
  postgresUrl: values.pg,
  log: (m) => process.stderr.write(`  … ${m}\n`),
});
console.log(formatLoadTable(rows));
if (postgresVersion) console.log(`  PostgreSQL ${postgresVersion}, a fresh local server with fsync on`);
for (const s of skipped) console.log(`  ${s.store}: skipped (${s.reason})`);
if (values.json) {
  writeFileSync(values.json, `${JSON.stringify({ at: new Date().toISOString(), machine, postgresVersion, rows, skipped }, null, 2)}\n`);
  console.log(`  written to ${values.json}`);
}
// Exit non-zero when an acknowledged event is missing or stored twice: a figure from a broken
// collector is no figure.
if (rows.some((r) => !r.storedOnce)) {
  console.error('an acknowledged event was not stored exactly once');
  process.exit(1);
}
