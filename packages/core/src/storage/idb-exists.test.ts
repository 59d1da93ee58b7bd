import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createStore, set } from 'idb-keyval';
import { idbExists } from './idb-exists';

describe('idbExists', () => {
  it('answers false for a missing database and does not create it', async () => {
    expect(await idbExists(indexedDB, 'never-made')).toBe(false);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('never-made');
  });

  it('answers true once the database was written to', async () => {
    await set('k', 1, createStore('made', 'kv'));
    expect(await idbExists(indexedDB, 'made')).toBe(true);
  });
});
