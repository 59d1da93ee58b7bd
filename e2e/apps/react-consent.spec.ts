import type { Page } from '@playwright/test';
import { test, expect, rapidClicks, mouseClick, requireBuilt } from './app-fixtures';

// The React example's banner: "Essential only" denies every purpose, "Allow" grants measurement and help.

/** Every IndexedDB record of the page's origin, by database/store and key. */
const storedRecords = (page: Page) =>
  page.evaluate(async () => {
    const req = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
    const out: Record<string, Record<string, unknown>> = {};
    for (const { name } of await indexedDB.databases()) {
      const db = await req(indexedDB.open(name!));
      for (const store of Array.from(db.objectStoreNames)) {
        const s = db.transaction(store).objectStore(store);
        const [keys, values] = await Promise.all([req(s.getAllKeys()), req(s.getAll())]);
        out[`${name}/${store}`] = Object.fromEntries(keys.map((key, i) => [String(key), values[i]]));
      }
      db.close();
    }
    return out;
  });

test.describe("React example: the visitor's consent choices", () => {
  test.beforeAll(() => requireBuilt('react-app'));

  test('after "Essential only", struggling brings no help card and nothing is stored but the visitor\'s choice', async ({
    page,
    site,
    requests,
    collector,
  }) => {
    await page.goto(`${site.url}/react/pricing/`);
    await mouseClick(page, page.getByRole('button', { name: 'Essential only' }));
    const term = page.locator('[data-attune="plan-team"] .term').first();
    await term.scrollIntoViewIfNeeded();
    await rapidClicks(page, term, 4);
    // The rules engine loads on the first signal; a decision follows at the next idle moments.
    await expect.poll(() => requests.some((r) => /\/assets\/attune-engine-[\w-]+\.js$/.test(new URL(r.url).pathname))).toBe(true);
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => requestIdleCallback(resolve))));
    const card = page.getByRole('complementary', { name: 'Not sure which plan fits?' });
    await expect(card).toHaveCount(0);
    const records = await storedRecords(page);
    expect(Object.keys(records)).toEqual(['attune-consent/kv']);
    expect(records['attune-consent/kv']).toEqual({
      consent: { choice: { measurement: false, help: false, profiling: false }, never: [], all: false, at: expect.any(Number) },
    });
    expect(await collector.events()).toEqual([]);
  });
});
