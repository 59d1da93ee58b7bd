import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBin, type BuiltBin } from '../test/build-bin';
import { runCrashLoad, type CrashStoreFactory } from '../test/crash-load';
import { findClickhouse, startClickhouse, type TestClickhouse } from '../test/start-clickhouse';
import { findPostgres, startPostgres, type TestPostgres } from '../test/start-postgres';
import { createSqliteStore } from './sqlite-store';

const dir = mkdtempSync(join(tmpdir(), 'attune-crash-'));
let n = 0;

const sqliteFactory: CrashStoreFactory = {
  name: 'SQLite',
  missing: () => null,
  async create() {
    const file = join(dir, `crash-${n++}.sqlite`);
    return {
      args: ['--db', file],
      // Read through a store of this process: the file must open here too, with no lock left over.
      async storedIds() {
        const store = createSqliteStore({ file });
        try {
          return (await store.list()).map((e) => e.id);
        } finally {
          await store.close();
        }
      },
      dispose: async () => rmSync(file, { force: true }),
    };
  },
};

const found = findPostgres();
let server: TestPostgres | undefined;
const postgresFactory: CrashStoreFactory = {
  name: 'PostgreSQL',
  missing: () => ('missing' in found ? found.missing : null),
  async setUp() {
    if (!('missing' in found)) server = await startPostgres(found);
  },
  async tearDown() {
    await server?.stop();
  },
  async create() {
    const database = `crash_${n++}`;
    const admin = new pg.Client({ connectionString: server!.url() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const url = server!.url(database);
    return {
      args: ['--pg', url],
      async storedIds() {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          return (await client.query<{ id: string }>('SELECT id FROM attune_events')).rows.map((r) => r.id);
        } finally {
          await client.end();
        }
      },
      dispose: async () => {},
    };
  },
};

const foundClickhouse = findClickhouse();
let clickhouse: TestClickhouse | undefined;
const clickhouseFactory: CrashStoreFactory = {
  name: 'ClickHouse',
  missing: () => ('missing' in foundClickhouse ? foundClickhouse.missing : null),
  async setUp() {
    if (!('missing' in foundClickhouse)) clickhouse = await startClickhouse(foundClickhouse);
  },
  async tearDown() {
    await clickhouse?.stop();
  },
  async create() {
    // The server outlives every kill of the collector; only the collector process dies.
    const url = clickhouse!.url;
    return {
      args: ['--clickhouse', url],
      // Without FINAL: a row stored twice would show before any background merge could hide it.
      async storedIds() {
        const res = await fetch(`${url}/?query=${encodeURIComponent('SELECT id FROM attune_events FORMAT JSONEachRow')}`);
        const text = await res.text();
        if (!res.ok) throw new Error(`ClickHouse: ${res.status} ${text}`);
        return text
          .split('\n')
          .filter(Boolean)
          .map((line) => (JSON.parse(line) as { id: string }).id);
      },
      dispose: async () => {},
    };
  },
};

/** Every store the collector can run on; a new store kind adds its factory here. */
const factories: CrashStoreFactory[] = [sqliteFactory, postgresFactory, clickhouseFactory];

let built: BuiltBin;
beforeAll(async () => {
  built = await buildBin();
}, 60_000);
afterAll(() => {
  built?.remove();
  rmSync(dir, { recursive: true, force: true });
});

for (const factory of factories) {
  const missing = factory.missing();
  if (missing) console.log(`[attune-collector] skipping the ${factory.name} crash test: ${missing}`);
  describe.skipIf(missing !== null)(`the collector binary on ${factory.name}, killed with SIGKILL under load`, () => {
    beforeAll(async () => factory.setUp?.(), 120_000);
    afterAll(async () => factory.tearDown?.(), 60_000);

    it('restarts on the same store without hand work, and every acknowledged id is stored exactly once', async () => {
      const target = await factory.create();
      try {
        const result = await runCrashLoad(built.file, target, { crashes: 3 });
        // Three kills, each followed by a start that came up on its own, and batches cut off by the kills.
        expect(result.restarts).toBe(3);
        expect(result.cutOff).toBeGreaterThan(0);
        const stored = await target.storedIds();
        const counts = new Map<string, number>();
        for (const id of stored) counts.set(id, (counts.get(id) ?? 0) + 1);
        const missingIds = result.acknowledged.filter((id) => !counts.has(id));
        const twice = [...counts].filter(([, c]) => c > 1).map(([id]) => id);
        expect({ missing: missingIds, twice }).toEqual({ missing: [], twice: [] });
        // Every batch was acknowledged in the end (the cut-off ones on their resend): nothing else is stored.
        expect(stored.length).toBe(new Set(result.acknowledged).size);
      } finally {
        await target.dispose();
      }
    }, 240_000);
  });
}
