// The collector load figure, shared by `load.mjs` and `pnpm bench`: autocannon (from the npm
// registry) drives POST /collect on a collector running in a child process, each request a
// wire batch with fresh UUIDv7 ids, then SELECTs from the store to prove that every acknowledged
// event was stored exactly once. Only ever aimed at a collector it started on loopback.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { findPostgres, startPostgres } from './postgres-server.mjs';

const CHILD = fileURLToPath(new URL('./collector-process.mjs', import.meta.url));

/** A UUIDv7 as the SDK mints them: 48-bit ms time, version 7, variant 10, random rest. */
export const uuidv7 = () => {
  const b = randomBytes(16);
  b.writeUIntBE(Date.now(), 0, 6);
  b[6] = 0x70 | (b[6] & 0x0f);
  b[8] = 0x80 | (b[8] & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

// What a busy page view sends: mostly friction signals, with a vital, a decision, a shown and a
// conversion now and then. Each with the fields the SDK fills for its type.
const TEMPLATES = [
  { type: 'signal', purpose: 'measurement', signal: 'rage_click', target: '[data-attune="pay"]', count: 4, confidence: 'high' },
  { type: 'signal', purpose: 'measurement', signal: 'dead_click', target: '#plans > li:nth-child(2)', count: 1 },
  { type: 'signal', purpose: 'measurement', signal: 'form_error', target: 'input[name="zip"]', count: 2 },
  { type: 'signal', purpose: 'measurement', signal: 'hesitation', target: '[data-attune="checkout"]', count: 1 },
  { type: 'vital', purpose: 'measurement', name: 'INP', value: 184, rating: 'good' },
  {
    type: 'decision',
    purpose: 'help',
    rule: 'checkout-help',
    shadow: false,
    holdout: false,
    evidence: [{ signal: 'rage_click', target: '[data-attune="pay"]', count: 4 }],
  },
  { type: 'shown', purpose: 'help', rule: 'checkout-help' },
  { type: 'conversion', purpose: 'measurement', goal: 'signup' },
];
const PATHS = ['/checkout', '/pricing', '/signup', '/docs/getting-started'];

/** A wire batch of `size` events with fresh ids, and those ids. */
export const makeBatch = (site, size, vid = randomBytes(16).toString('hex')) => {
  const ids = [];
  const now = Date.now();
  const events = Array.from({ length: size }, (_, i) => {
    const id = uuidv7();
    ids.push(id);
    return {
      id,
      ...TEMPLATES[i % TEMPLATES.length],
      ts: now - (size - i) * 250,
      path: PATHS[i % PATHS.length],
      vid,
      device: 'desktop',
      referrer: 'search',
    };
  });
  return { body: JSON.stringify({ v: 1, site, sent: now, events }), ids };
};

const startChild = (args) =>
  new Promise((resolve, reject) => {
    const proc = fork(CHILD, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    proc.once('message', (m) => resolve({ proc, url: m.url }));
    proc.once('error', reject);
    proc.once('exit', (code) => reject(new Error(`collector process exited (${code}) before listening`)));
  });

const closeChild = (proc) =>
  new Promise((resolve) => {
    proc.removeAllListeners('exit');
    proc.once('message', (m) => resolve(m));
    proc.send('close');
  });

/**
 * Drives `${url}/collect` with autocannon for `seconds` over `connections` keep-alive
 * connections, one request in flight each. Returns autocannon's result, the ids of every
 * event a 2xx answer acknowledged whole (`accepted` plus `duplicates` covering the batch, none
 * rejected), and how many 2xx answers did not (`shortAnswers`, which should stay 0).
 */
const drive = async (url, { seconds, batch, connections, site }) => {
  const acknowledged = [];
  let shortAnswers = 0;
  const result = await autocannon({
    url: `${url}/collect`,
    connections,
    pipelining: 1,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
        // One request in flight per connection, so the connection's context holds the ids of
        // the request being answered.
        setupRequest: (req, context) => {
          const { body, ids } = makeBatch(site, batch);
          context.ids = ids;
          return { ...req, body };
        },
        onResponse: (status, body, context) => {
          if (status < 200 || status > 299) return;
          const answer = JSON.parse(body);
          if (answer.accepted + answer.duplicates !== context.ids.length || answer.rejected.length) shortAnswers++;
          else acknowledged.push(...context.ids);
        },
      },
    ],
  });
  return { result, acknowledged, shortAnswers };
};

/**
 * Whether every acknowledged id was stored exactly once, from what the store's `SELECT`s
 * counted: `rows` and `distinctIds` over the whole table, `acknowledgedRows` among the
 * acknowledged ids. Rows stored but never acknowledged (batches in flight when the run
 * stopped) are allowed and counted.
 */
export const judgeStorage = (acknowledged, { rows, distinctIds, acknowledgedRows }) => {
  const unique = new Set(acknowledged).size;
  return {
    acknowledged: acknowledged.length,
    stored: rows,
    storedOnce: unique === acknowledged.length && acknowledgedRows === unique && distinctIds === rows,
    unacknowledgedStored: rows - acknowledgedRows,
  };
};

/** `SELECT`s that check every acknowledged id was stored exactly once, for one SQL store. */
const verifySqlite = async (file, acknowledged) => {
  const { default: sqlite } = await import('node-sqlite3-wasm');
  const db = new sqlite.Database(file);
  try {
    db.exec('CREATE TEMP TABLE acked (id TEXT PRIMARY KEY)');
    db.exec('BEGIN');
    const add = db.prepare('INSERT INTO acked (id) VALUES (?)');
    for (const id of acknowledged) add.run([id]);
    add.finalize();
    db.exec('COMMIT');
    const all = db.get('SELECT COUNT(*) AS rows, COUNT(DISTINCT id) AS ids FROM events');
    const acked = db.get('SELECT COUNT(*) AS rows FROM events JOIN acked USING (id)');
    return { rows: Number(all.rows), distinctIds: Number(all.ids), acknowledgedRows: Number(acked.rows) };
  } finally {
    db.close();
  }
};

// Then drops the run's table: it may sit in someone's own database (--pg).
const verifyPostgres = async (url, table, acknowledged) => {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const all = await client.query(`SELECT COUNT(*)::int AS rows, COUNT(DISTINCT id)::int AS ids FROM ${table}`);
    const acked = await client.query(`SELECT COUNT(*)::int AS rows FROM ${table} WHERE id = ANY($1::text[])`, [acknowledged]);
    return { rows: all.rows[0].rows, distinctIds: all.rows[0].ids, acknowledgedRows: acked.rows[0].rows };
  } finally {
    await client.query(`DROP TABLE IF EXISTS ${table}`).catch(() => {});
    await client.end();
  }
};

/**
 * One store under load: starts a collector on it in a child process, drives it, closes it
 * gracefully, then counts what the store holds.
 */
const measureStore = async (store, { seconds, batch, connections, postgresUrl }) => {
  const dir = mkdtempSync(join(tmpdir(), 'attune-load-'));
  const where = store === 'sqlite' ? join(dir, 'load.sqlite') : postgresUrl;
  // A table of its own per run, so earlier rows never count.
  const table = `attune_load_${process.pid}_${Date.now()}`;
  try {
    const { proc, url } = await startChild(store === 'sqlite' ? [store, where] : [store, where, table]);
    const { result, acknowledged, shortAnswers } = await drive(url, { seconds, batch, connections, site: 'load' });
    const { storeErrors } = await closeChild(proc);
    const counted = store === 'sqlite' ? await verifySqlite(where, acknowledged) : await verifyPostgres(where, table, acknowledged);
    return {
      store,
      seconds: result.duration,
      batch,
      connections,
      requests: result['2xx'],
      requestsPerSecond: Math.round(result['2xx'] / result.duration),
      eventsPerSecond: Math.round(acknowledged.length / result.duration),
      latencyP50Ms: result.latency.p50,
      latencyP99Ms: result.latency.p99,
      latencyMaxMs: result.latency.max,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      shortAnswers,
      storeErrors,
      ...judgeStorage(acknowledged, counted),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/**
 * Measures the collector with each store in `stores` (`sqlite`, `postgres`). PostgreSQL is a
 * fresh server started from Debian's package with fsync on, or, given `postgresUrl`, that
 * server, in a table of the run's own that is dropped afterwards. Returns one row per store measured
 * and the reason a store was skipped.
 *
 * @param {{ stores?: string[], seconds?: number, batch?: number, connections?: number, postgresUrl?: string, log?: (m: string) => void }} options
 */
export const runCollectorLoad = async ({
  stores = ['sqlite', 'postgres'],
  seconds = 10,
  batch = 20,
  connections = 8,
  postgresUrl,
  log = () => {},
} = {}) => {
  const rows = [];
  const skipped = [];
  let postgresVersion = null;
  for (const store of stores) {
    if (store === 'sqlite') {
      log(`collector load: sqlite, ${seconds}s`);
      rows.push(await measureStore('sqlite', { seconds, batch, connections }));
    } else if (store === 'postgres') {
      let server = null;
      let url = postgresUrl;
      if (!url) {
        const found = findPostgres();
        if ('missing' in found) {
          skipped.push({ store, reason: found.missing });
          continue;
        }
        server = await startPostgres(found, { fsync: true });
        postgresVersion = server.version;
        url = server.url();
      }
      try {
        log(`collector load: postgres, ${seconds}s`);
        rows.push(await measureStore('postgres', { seconds, batch, connections, postgresUrl: url }));
      } finally {
        await server?.stop();
      }
    } else {
      throw new Error(`unknown store ${store}: use sqlite or postgres`);
    }
  }
  return { rows, skipped, postgresVersion };
};

/** The rows as a plain-text table. */
export const formatLoadTable = (rows) => {
  const head = [
    'store',
    'events/s',
    'requests/s',
    'p50 ms',
    'p99 ms',
    'acked events',
    'stored',
    'stored once',
    'partial 2xx',
    'non-2xx',
    'errors',
  ];
  const body = rows.map((r) => [
    r.store,
    r.eventsPerSecond,
    r.requestsPerSecond,
    r.latencyP50Ms,
    r.latencyP99Ms,
    r.acknowledged,
    r.stored,
    r.storedOnce ? 'yes' : 'NO',
    r.shortAnswers,
    r.non2xx,
    r.errors + r.timeouts,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => String(b[i]).length)));
  const line = (cells) => `  ${cells.map((c, i) => (i ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ')}`;
  return [line(head), ...body.map(line)].join('\n');
};
