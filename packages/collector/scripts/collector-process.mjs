// The collector under load, in its own process so the load generator does not share its event
// loop: forked by load-driver.mjs and report-volume.mjs with a store (`sqlite <file>`,
// `postgres <url> <table>` or `clickhouse <url> <table>`; ATTUNE_REPORT=1 serves the report), it sends
// its URL, and on `close` shuts down gracefully (every request in flight answered and stored)
// and sends how many store errors it saw before exiting.
import { createClickhouseStore, createSqliteStore, createPostgresStore, startCollector } from '../dist/index.js';

const [kind, where, table] = process.argv.slice(2);
const openStore = async () => {
  if (kind === 'sqlite') return createSqliteStore({ file: where });
  if (kind === 'postgres') {
    const { default: pg } = await import('pg');
    return createPostgresStore({ pool: new pg.Pool({ connectionString: where, max: 10 }), table });
  }
  if (kind === 'clickhouse') {
    const { createClient } = await import('@clickhouse/client');
    return createClickhouseStore({ client: createClient({ url: where, request_timeout: 600_000 }), table });
  }
  throw new Error(`collector-process: unknown store ${kind} (sqlite <file>, postgres <url> <table> or clickhouse <url> <table>)`);
};

let storeErrors = 0;
const collector = await startCollector({
  port: 0,
  store: await openStore(),
  rateLimit: false,
  report: process.env.ATTUNE_REPORT === '1',
  onError: (error) => {
    storeErrors++;
    if (process.env.ATTUNE_REPORT === '1') console.error('[collector-process]', error);
  },
});
process.send({ url: collector.url });
process.on('message', async (message) => {
  if (message !== 'close') return;
  await collector.close();
  process.send({ closed: true, storeErrors }, () => process.exit(0));
});
