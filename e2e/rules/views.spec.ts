// A rule can count page views: the engine remembers each view (templated path and time, under
// consent, in IndexedDB), so `{ "views": "/e2e/views/pricing*", "atLeast": 2 }` holds on the second
// view of the pricing page, reached by real clicks on links, in Chromium, at the collector.
import type { Page } from '@playwright/test';
import { test, expect, mouseClick, flush } from '../fixtures';

const ready = async (page: Page) => {
  await page.waitForFunction(() => (window as unknown as { attune?: { ready?: Promise<void> } }).attune?.ready);
  await page.evaluate(() => (window as unknown as { attune: { ready: Promise<void> } }).attune.ready);
};

/** The page views Attune keeps in IndexedDB (`attune` / `kv` / `views`), as the page sees them. */
const storedViews = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ path: string; at: number }[] | undefined>((resolve, reject) => {
        const open = indexedDB.open('attune');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('kv')) return resolve(undefined);
          const get = db.transaction('kv', 'readonly').objectStore('kv').get('views');
          get.onsuccess = () => resolve(get.result);
          get.onerror = () => reject(get.error);
        };
      }),
  );

const storedPaths = async (page: Page) => (await storedViews(page))?.map((v) => v.path) ?? [];

test('a views rule shows help on the second view of the pricing page, not the first, and says why', async ({ page, site, collector }) => {
  // A query string on the first view: only the path is ever kept.
  await page.goto(`${site.url}/e2e/views/pricing.html?plan=team&email=ada%40example.org`);
  await ready(page);
  // The engine loads at idle because the rules count views, and remembers this one.
  await expect.poll(() => storedPaths(page)).toEqual(['/e2e/views/pricing.html']);
  await page.waitForTimeout(1000);
  await flush(page);
  await expect(page.locator('[data-attune-ui]')).toHaveCount(0);
  expect(await collector.events('shown')).toEqual([]);

  await mouseClick(page, page.locator('#to-features'));
  await page.waitForURL('**/e2e/views/features.html');
  await ready(page);
  await expect.poll(() => storedPaths(page)).toEqual(['/e2e/views/pricing.html', '/e2e/views/features.html']);
  await page.waitForTimeout(500);
  await expect(page.locator('[data-attune-ui]')).toHaveCount(0);

  await mouseClick(page, page.locator('#to-pricing'));
  await page.waitForURL('**/e2e/views/pricing.html');
  await ready(page);
  const aside = page.locator('[data-attune-ui]').locator('[role=dialog]');
  await expect(aside.getByRole('heading', { name: 'Comparing plans?' })).toBeVisible();
  await expect
    .poll(async () => {
      await flush(page);
      return (await collector.events('shown')).map((e) => e.rule);
    })
    .toEqual(['comparing-plans']);

  await mouseClick(page, aside.getByRole('button', { name: 'Why am I seeing this?' }));
  await expect(aside.locator('#attune-why')).toContainText('You viewed the pricing page twice.');
  // What Attune remembers lists the views it keeps, next to the button that forgets them.
  await expect(aside.locator('#attune-why')).toContainText('Page views here in the last 30 days (paths and times only): 3.');

  const views = await storedViews(page);
  expect(views?.map((v) => v.path)).toEqual(['/e2e/views/pricing.html', '/e2e/views/features.html', '/e2e/views/pricing.html']);
  expect(JSON.stringify(views)).not.toMatch(/plan=|example\.org|Pricing|Features/);
});
