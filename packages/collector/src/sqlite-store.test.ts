import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reportContract } from '../test/report-contract';
import { storeContract } from '../test/store-contract';
import { signals } from '../test/wire-fixtures';
import type { WireEvent } from './wire-batch';
import { createSqliteStore } from './sqlite-store';

const dir = mkdtempSync(join(tmpdir(), 'attune-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

describe('createSqliteStore', () => {
  storeContract(async () => createSqliteStore({ file: join(dir, `contract-${n++}.sqlite`) }));
  describe('report contract', () => reportContract(async () => createSqliteStore({ file: join(dir, 'report.sqlite') })));

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
});
