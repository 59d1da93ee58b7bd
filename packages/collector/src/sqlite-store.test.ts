import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildScript } from '../test/build-script';
import { reportContract } from '../test/report-contract';
import { storeContract } from '../test/store-contract';
import { signals } from '../test/wire-fixtures';
import type { WireEvent } from './wire-batch';
import { createSqliteStore } from './sqlite-store';
import sqlite from 'node-sqlite3-wasm';
import { startCollector } from './start-collector';
import { summarizeEvents } from './report/summarize-events';
import { reportContractEvents } from '../test/report-contract';

const dir = mkdtempSync(join(tmpdir(), 'attune-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

describe('createSqliteStore', () => {
  storeContract(async () => createSqliteStore({ file: join(dir, `contract-${n++}.sqlite`) }));
  describe('report contract', () => reportContract(async () => createSqliteStore({ file: join(dir, 'report.sqlite') })));

  it('gives a table stored before the report columns existed those columns from each body, with the same report', async () => {
    const file = join(dir, 'old-schema.sqlite');
    const old = new sqlite.Database(file);
    old.exec(`CREATE TABLE events (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, site TEXT NOT NULL,
      type TEXT NOT NULL, purpose TEXT NOT NULL, ts REAL NOT NULL, path TEXT NOT NULL, received INTEGER NOT NULL, body TEXT NOT NULL)`);
    const sets = reportContractEvents();
    old.exec('BEGIN');
    for (const { site, events } of sets) {
      for (const e of events)
        old.run('INSERT INTO events (id, site, type, purpose, ts, path, received, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
          e.id,
          site,
          e.type,
          e.purpose,
          e.ts,
          e.path,
          1,
          JSON.stringify(e),
        ]);
    }
    old.exec('COMMIT');
    old.close();
    const store = createSqliteStore({ file });
    try {
      const all = sets.flatMap(({ site, events }) => events.map((e) => ({ ...e, site })));
      for (const options of [
        { site: 'shop', minCount: 1 },
        { site: 'shop', device: 'mobile', minCount: 3 },
      ]) {
        const got = await store.report!({ ...options, now: 1 });
        expect(got.overview.events).toBeGreaterThan(0);
        expect(got).toEqual(summarizeEvents(all, { ...options, now: 1 }));
      }
    } finally {
      await store.close();
    }
  }, 60_000);

  it('answers /health while a report runs (the report yields to the event loop between queries)', async () => {
    const store = createSqliteStore({ file: join(dir, 'health.sqlite') });
    for (const { site, events } of reportContractEvents()) await store.insert(events, site);
    const collector = await startCollector({ port: 0, store, rateLimit: false });
    try {
      // One answer first, so the connection is open before the report starts.
      expect((await fetch(`${collector.url}/health`)).ok).toBe(true);
      let running = true;
      const report = store.report!({ site: 'shop', minCount: 1 }).finally(() => (running = false));
      let answeredDuring = 0;
      while (running) {
        const res = await fetch(`${collector.url}/health`);
        await res.json();
        if (res.ok && running) answeredDuring++;
      }
      const summary = await report;
      expect(summary.overview.events).toBeGreaterThan(0);
      expect(answeredDuring).toBeGreaterThan(0);
    } finally {
      await collector.close();
    }
  });

  it('keeps events in its file across close and reopen, and still dedupes after reopening', async () => {
    const file = join(dir, 'nested', 'folder', 'persist.sqlite');
    const batch = signals(3) as WireEvent[];
    const first = createSqliteStore({ file });
    await first.insert(batch, 'shop');
    await first.close();
    const second = createSqliteStore({ file });
    expect(await second.count()).toBe(3);
    expect(await second.insert(batch, 'shop')).toEqual({ stored: 0, duplicates: 3 });
    await second.close();
  });

  it('stores nothing from a batch whose insert fails part-way', async () => {
    const store = createSqliteStore({ file: join(dir, 'atomic.sqlite') });
    const [good] = signals(1) as WireEvent[];
    // A missing NOT NULL column fails the second row after the first went in.
    const bad = { ...signals(1)[0]!, path: null } as unknown as WireEvent;
    await expect(store.insert([good!, bad], 'shop')).rejects.toThrow();
    expect(await store.count()).toBe(0);
    expect(await store.insert([good!], 'shop')).toEqual({ stored: 1, duplicates: 0 });
    await store.close();
  });

  it('opens again without hand work after its process was killed inside a transaction, keeping what was committed', async () => {
    const file = join(dir, 'crashed.sqlite');
    const child = await buildScript('test/sqlite-crash-child.ts');
    try {
      const proc = spawn(process.execPath, [child.file, file, '5'], { stdio: ['ignore', 'pipe', 'inherit'] });
      const exited = new Promise((r) => proc.once('exit', r));
      const committed = await new Promise<string[]>((resolve, reject) => {
        let out = '';
        proc.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.endsWith('\n')) resolve(JSON.parse(out) as string[]);
        });
        proc.once('exit', (code) => reject(new Error(`child exited with ${code}`)));
      });
      // While its owner lives, the file is refused with the owner's pid.
      expect(() => createSqliteStore({ file })).toThrow(new RegExp(`in use by process ${proc.pid}`));
      proc.kill('SIGKILL');
      await exited;
      // What the kill left behind: the owner file, the lock folder and the journal of the open transaction.
      expect([existsSync(`${file}.owner`), existsSync(`${file}.lock`), existsSync(`${file}-journal`)]).toEqual([true, true, true]);

      const reopened = createSqliteStore({ file });
      expect((await reopened.list()).map((e) => e.id)).toEqual(committed);
      const more = signals(2) as WireEvent[];
      expect(await reopened.insert(more, 'shop')).toEqual({ stored: 2, duplicates: 0 });
      await reopened.close();
      expect([existsSync(`${file}.owner`), existsSync(`${file}.lock`)]).toEqual([false, false]);
    } finally {
      child.remove();
    }
  }, 30_000);

  it('takes over a claim that names its own pid but not a store it has open (a restarted container reuses pids)', async () => {
    const file = join(dir, 'reused-pid.sqlite');
    const first = createSqliteStore({ file });
    await first.insert(signals(1) as WireEvent[], 'shop');
    await first.close();
    writeFileSync(`${file}.owner`, `${process.pid} 1\n`);
    mkdirSync(`${file}.lock`);
    const store = createSqliteStore({ file });
    expect(await store.insert(signals(1) as WireEvent[], 'shop')).toEqual({ stored: 1, duplicates: 0 });
    expect(await store.count()).toBe(2);
    await store.close();
  });

  it('opens a file whose lock folder an older collector left without an owner file', async () => {
    const file = join(dir, 'no-owner.sqlite');
    const first = createSqliteStore({ file });
    await first.close();
    mkdirSync(`${file}.lock`);
    const store = createSqliteStore({ file });
    expect(await store.insert(signals(1) as WireEvent[], 'shop')).toEqual({ stored: 1, duplicates: 0 });
    await store.close();
  });

  it('refuses a second store on a file this process already has open, and frees the file on close', async () => {
    const file = join(dir, 'twice.sqlite');
    const first = createSqliteStore({ file });
    expect(() => createSqliteStore({ file })).toThrow(/already open in this process/);
    await first.close();
    const second = createSqliteStore({ file });
    await second.close();
  });
});
