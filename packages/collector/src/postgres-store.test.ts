import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBin } from '../test/build-bin';
import { post } from '../test/http-client';
import { findPostgres, startPostgres, type TestPostgres } from '../test/start-postgres';
import { spawnCollector, type CollectorProcess } from '../test/spawn-collector';
import { reportContract } from '../test/report-contract';
import { storeContract } from '../test/store-contract';
import { batchOf, signals } from '../test/wire-fixtures';
import { createPostgresStore } from './postgres-store';

const found = findPostgres();
if ('missing' in found) console.log(`[attune-collector] skipping PostgreSQL tests: ${found.missing}`);

describe.skipIf('missing' in found)('createPostgresStore (real PostgreSQL server)', () => {
  let server: TestPostgres;
  beforeAll(async () => {
    if ('missing' in found) return;
    server = await startPostgres(found);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  }, 60_000);

  let n = 0;
  describe('adapter contract', () => {
    storeContract(async () => createPostgresStore({ pool: new pg.Pool({ connectionString: server.url() }), table: `contract_${n++}` }));
  });
  describe('report contract', () =>
    reportContract(async () => createPostgresStore({ pool: new pg.Pool({ connectionString: server.url() }), table: 'report' })));

  it('stores nothing from a batch whose insert fails', async () => {
    const store = await createPostgresStore({ pool: new pg.Pool({ connectionString: server.url() }), table: 'atomic' });
    const [good, bad] = signals(2);
    await expect(store.insert([good!, { ...bad!, path: null }] as never, 'shop')).rejects.toThrow();
    expect(await store.count()).toBe(0);
    await store.close();
  });

  it('two stores starting at once on one database both come up and share the table', async () => {
    const open = () => createPostgresStore({ pool: new pg.Pool({ connectionString: server.url() }), table: 'shared_start' });
    const [a, b] = await Promise.all([open(), open()]);
    const events = signals(10);
    const [ra, rb] = await Promise.all([a.insert(events as never, 'shop'), b.insert(events as never, 'shop')]);
    expect(ra.stored + rb.stored).toBe(10);
    expect(ra.duplicates + rb.duplicates).toBe(10);
    expect(await a.count()).toBe(10);
    await Promise.all([a.close(), b.close()]);
  });

  it('two stores inserting overlapping batches in opposite orders at once neither deadlock nor store an event twice', async () => {
    const open = () => createPostgresStore({ pool: new pg.Pool({ connectionString: server.url(), max: 8 }), table: 'crossed' });
    const [a, b] = await Promise.all([open(), open()]);
    let total = 0;
    for (let round = 0; round < 10; round++) {
      const batches = Array.from({ length: 8 }, () => signals(50));
      total += 400;
      const results = await Promise.allSettled(
        batches.flatMap((batch) => [a.insert(batch as never, 'shop'), b.insert([...batch].reverse() as never, 'shop')]),
      );
      const failures = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
      expect(failures).toEqual([]);
      const sums = results.map((r) => (r.status === 'fulfilled' ? r.value : { stored: 0, duplicates: 0 }));
      expect(sums.reduce((n, r) => n + r.stored, 0)).toBe(400);
      expect(sums.reduce((n, r) => n + r.duplicates, 0)).toBe(400);
    }
    expect(await a.count()).toBe(total);
    await Promise.all([a.close(), b.close()]);
  }, 60_000);

  it('keeps a batch oldest first when its ids sort in the order they were made', async () => {
    const store = await createPostgresStore({ pool: new pg.Pool({ connectionString: server.url() }), table: 'ordered' });
    const events = signals(30);
    await store.insert(events as never, 'shop');
    expect((await store.list()).map((e) => e.id)).toEqual(events.map((e) => e.id));
    await store.close();
  });

  it('two collector processes sharing one database never store an event twice', async () => {
    const admin = new pg.Client({ connectionString: server.url() });
    await admin.connect();
    await admin.query('CREATE DATABASE procs');
    await admin.end();
    const built = await buildBin();
    const bin = built.file;
    const procs: CollectorProcess[] = await Promise.all(
      [0, 1].map(() => spawnCollector(bin, ['--port', '0', '--pg', server.url('procs'), '--no-rate-limit'])),
    );
    try {
      const batches = Array.from({ length: 20 }, () => signals(25));
      // Every batch goes to both processes at the same moment, as a client retrying through a load balancer might.
      const answers = await Promise.all(batches.flatMap((b) => procs.map((p) => post(p.url, batchOf(b)))));
      expect(answers.every((a) => a.status === 200)).toBe(true);
      const accepted = answers.reduce((sum, a) => sum + a.body.accepted, 0);
      const duplicates = answers.reduce((sum, a) => sum + a.body.duplicates, 0);
      expect(accepted).toBe(500);
      expect(duplicates).toBe(500);

      // Overlapping batches in different orders and compositions, as retries after a split or a
      // reload may send them: every answer is still 200, and each event is stored once.
      const more = Array.from({ length: 20 }, () => signals(30));
      const crossed = await Promise.all(
        more.flatMap((b) => [
          post(procs[0]!.url, batchOf(b)),
          post(procs[1]!.url, batchOf([...b].reverse())),
          post(procs[1]!.url, batchOf(b.slice(10))),
        ]),
      );
      expect(crossed.map((a) => a.status).filter((s) => s !== 200)).toEqual([]);
      expect(crossed.reduce((sum, a) => sum + a.body.accepted, 0)).toBe(600);

      const check = new pg.Client({ connectionString: server.url('procs') });
      await check.connect();
      const { rows } = await check.query('SELECT COUNT(*)::int AS n, COUNT(DISTINCT id)::int AS ids FROM attune_events');
      await check.end();
      expect(rows[0]).toEqual({ n: 1100, ids: 1100 });
    } finally {
      await Promise.all(procs.map((p) => p.stop('SIGTERM')));
      built.remove();
    }
  }, 60_000);
});
