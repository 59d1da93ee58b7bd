import { describe, expect, it } from 'vitest';
import { judgeStorage, makeBatch, uuidv7 } from '../scripts/load-driver.mjs';
import { loadWireSchema } from '../src/load-wire-schema';
import { createBatchTriage } from '../src/triage-batch';

const triage = createBatchTriage(loadWireSchema());

describe('the load driver’s batches', () => {
  it('are valid wire batches the collector keeps whole, so the load figure counts stored events, not rejections', () => {
    const { body, ids } = makeBatch('load', 20);
    const t = triage(JSON.parse(body));
    expect(t.ok && t.rejected).toEqual([]);
    expect(t.ok && t.batch.events.map((e) => e.id)).toEqual(ids);
    expect(new Set(t.ok ? t.batch.events.map((e) => e.type) : []).size).toBeGreaterThanOrEqual(4);
  });

  it('carry fresh UUIDv7 ids in every batch, so dedupe never hides an event', () => {
    const ids = Array.from({ length: 50 }, () => makeBatch('load', 20).ids).flat();
    expect(new Set(ids).size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const before = Date.now();
    const id = uuidv7();
    const ms = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now());
  });
});

describe('judgeStorage', () => {
  const acked = ['a', 'b', 'c'];
  it('passes when every acknowledged id is stored once, counting extra rows in flight at the end', () => {
    expect(judgeStorage(acked, { rows: 5, distinctIds: 5, acknowledgedRows: 3 })).toEqual({
      acknowledged: 3,
      stored: 5,
      storedOnce: true,
      unacknowledgedStored: 2,
    });
  });
  it('fails when an acknowledged id is missing', () => {
    expect(judgeStorage(acked, { rows: 2, distinctIds: 2, acknowledgedRows: 2 }).storedOnce).toBe(false);
  });
  it('fails when an id is stored twice, or acknowledged twice', () => {
    expect(judgeStorage(acked, { rows: 4, distinctIds: 3, acknowledgedRows: 4 }).storedOnce).toBe(false);
    expect(judgeStorage([...acked, 'a'], { rows: 3, distinctIds: 3, acknowledgedRows: 3 }).storedOnce).toBe(false);
  });
});
