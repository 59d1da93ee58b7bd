import { createClient } from '@clickhouse/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportContract } from '../test/report-contract';
import { findClickhouse, startClickhouse, type TestClickhouse } from '../test/start-clickhouse';
import { storeContract } from '../test/store-contract';
import { signals } from '../test/wire-fixtures';
import { createClickhouseStore } from './clickhouse-store';
import type { WireEvent } from './wire-batch';

const found = findClickhouse();
if ('missing' in found) console.log(`[attune-collector] skipping ClickHouse tests: ${found.missing}`);

describe.skipIf('missing' in found)('createClickhouseStore (real ClickHouse server)', () => {
  let server: TestClickhouse;
  beforeAll(async () => {
    if ('missing' in found) return;
    server = await startClickhouse(found);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  }, 60_000);

  let n = 0;
  const open = (table: string) => createClickhouseStore({ client: createClient({ url: server.url }), table });
  describe('adapter contract', () => {
    storeContract(async () => open(`contract_${n++}`));
  });
  describe('report contract', () => reportContract(async () => open('report')));

  it('counts every acknowledged id once when two stores insert the same events at once', async () => {
    const [a, b] = await Promise.all([open('raced'), open('raced')]);
    const batches = Array.from({ length: 10 }, () => signals(40) as WireEvent[]);
    const results = await Promise.all(batches.flatMap((batch) => [a.insert(batch, 'shop'), b.insert([...batch].reverse(), 'shop')]));
    // Racing processes may both store an id; what each acknowledged is in the table, and every read counts it once.
    expect(results.reduce((s, r) => s + r.stored, 0)).toBeGreaterThanOrEqual(400);
    expect(await a.count()).toBe(400);
    const listed = await b.list();
    expect(listed.length).toBe(400);
    expect(new Set(listed.map((e) => e.id))).toEqual(new Set(batches.flat().map((e) => e.id)));
    const report = await a.report!({ site: 'shop', minCount: 1 });
    expect(report.overview.events).toBe(400);
    expect(report.friction.bySignal.rows.reduce((s, r) => s + r.total.events, 0)).toBe(400);
    // Copies of 50 stored rows (as a race leaves them, before a merge): the report still counts each id once.
    const raw = createClient({ url: server.url });
    await raw.command({ query: `INSERT INTO raced SELECT * FROM raced WHERE site = 'shop' LIMIT 50` });
    const [held] = (await (await raw.query({ query: 'SELECT count() AS n FROM raced', format: 'JSONEachRow' })).json()) as { n: string }[];
    await raw.close();
    expect(Number(held!.n)).toBeGreaterThanOrEqual(450);
    const again = await a.report!({ site: 'shop', minCount: 1 });
    expect(again.overview.events).toBe(400);
    expect(again).toEqual({ ...report, generatedAt: again.generatedAt });
    await Promise.all([a.close(), b.close()]);
  }, 60_000);

  it('answers duplicates of an earlier insert from one store exactly', async () => {
    const store = await open('exact');
    const batch = signals(30) as WireEvent[];
    expect(await store.insert(batch.slice(0, 20), 'shop')).toEqual({ stored: 20, duplicates: 0 });
    expect(await store.insert(batch, 'shop')).toEqual({ stored: 10, duplicates: 20 });
    expect(await store.count()).toBe(30);
    await store.close();
  });
});
