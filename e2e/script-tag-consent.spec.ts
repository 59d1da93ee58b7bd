import type { Page } from '@playwright/test';
import { test, expect, rapidClicks, mouseClick } from './fixtures';

// The visitor's choices hold on the script-tag landing page (examples/landing): its banner's
// "No thanks" denies every purpose, "Allow" grants measurement and help (never profiling).

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 3, 9);

type Attune = {
  ready: Promise<void>;
  $help: { get(): unknown };
  forget(): Promise<void>;
  dismiss(kind: string): void;
  setConsent(c: object): void;
};

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

/** Struggles on the pricing cards, then waits until the rules engine has loaded and two idle callbacks have run (when a decision is made). */
const struggle = async (page: Page, requests: { url: string }[]) => {
  await page.evaluate(() => (window as unknown as { attune: Attune }).attune.ready);
  const term = page.locator('[data-attune="plan-team"] .term').first();
  await term.scrollIntoViewIfNeeded();
  await rapidClicks(page, term, 4);
  await expect.poll(() => requests.some((r) => r.url.endsWith('/attune-engine.js'))).toBe(true);
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => requestIdleCallback(resolve))));
};

const helpShown = (page: Page) => page.evaluate(() => (window as unknown as { attune: Attune }).attune.$help.get() !== null);

test('after "No thanks", struggling brings no card and nothing is stored but the visitor\'s choice', async ({
  page,
  site,
  collector,
  requests,
}) => {
  await page.goto(`${site.url}/`);
  await mouseClick(page, page.getByRole('button', { name: 'No thanks' }));
  await struggle(page, requests);
  expect(await helpShown(page)).toBe(false);
  await expect(page.locator('[data-attune-ui]')).toHaveCount(0);
  const records = await storedRecords(page);
  expect(Object.keys(records)).toEqual(['attune-consent/kv']);
  expect(records['attune-consent/kv']).toEqual({
    consent: { choice: { measurement: false, help: false, profiling: false }, never: [], all: false, at: expect.any(Number) },
  });
  // The same struggle once help is allowed shows the card: the refusal above was the visitor's choice at work.
  await page.evaluate(() => (window as unknown as { attune: Attune }).attune.setConsent({ measurement: true, help: true }));
  await struggle(page, requests);
  await expect(page.locator('[data-attune-ui]')).toHaveCount(1);
  expect(await collector.events('shown')).toHaveLength(0);
});

test('"Don\'t show tips like this" survives forget(), a reload and a new day', async ({ page, site, requests }) => {
  await page.clock.install({ time: T0 });
  await page.clock.resume();
  await page.goto(`${site.url}/`);
  await mouseClick(page, page.getByRole('button', { name: 'Allow' }));
  await struggle(page, requests);
  const card = page.locator('[data-attune-ui]');
  await expect(card).toHaveCount(1);
  await mouseClick(page, card.getByRole('button', { name: "Don't show tips like this" }));
  await expect(card).toHaveCount(0);
  // Forgetting wipes the history that also held the "never"; the refusal stays with the consent choices.
  await page.evaluate(() => (window as unknown as { attune: Attune }).attune.forget());
  expect(Object.keys((await storedRecords(page))['attune/kv'] ?? {})).not.toContain('history');
  await page.clock.setSystemTime(T0 + DAY + 3_600_000);
  await page.reload();
  await struggle(page, requests);
  expect(await helpShown(page)).toBe(false);
  await expect(card).toHaveCount(0);
  expect((await storedRecords(page))['attune-consent/kv']?.consent).toMatchObject({ never: ['pricing-confusion'], all: false });
});

test('"No tips at all" survives a reload and a new day', async ({ page, site, requests }) => {
  await page.clock.install({ time: T0 });
  await page.clock.resume();
  await page.goto(`${site.url}/`);
  await mouseClick(page, page.getByRole('button', { name: 'Allow' }));
  await struggle(page, requests);
  await expect(page.locator('[data-attune-ui]')).toHaveCount(1);
  // The widget's own "No tips at all" button reports this kind; here it comes through the public API.
  await page.evaluate(() => (window as unknown as { attune: Attune }).attune.dismiss('all'));
  await expect(page.locator('[data-attune-ui]')).toHaveCount(0);
  await page.clock.setSystemTime(T0 + DAY + 3_600_000);
  await page.reload();
  await struggle(page, requests);
  expect(await helpShown(page)).toBe(false);
  expect((await storedRecords(page))['attune-consent/kv']?.consent).toMatchObject({ all: true });
});

test('with profiling denied no question is asked and the profile store stays empty', async ({ page, site, requests }) => {
  const ask = {
    type: 'ask',
    field: 'team_size',
    question: 'How many people are on your team?',
    options: [
      { value: 'small', label: '1–10' },
      { value: 'large', label: '11 or more' },
    ],
  };
  const help = { type: 'help', title: 'Comparing plans?', body: 'Team suits most small companies.' };
  await page.route('**/attune-rules.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        version: 1,
        rules: [
          { id: 'ask-size', priority: 10, when: { signal: 'rage_click', target: 'pricing*' }, show: ask },
          { id: 'compare', priority: 1, when: { signal: 'rage_click', target: 'pricing*' }, show: help },
        ],
      }),
    }),
  );
  await page.goto(`${site.url}/`);
  // The landing page's "Allow" grants measurement and help, never profiling.
  await mouseClick(page, page.getByRole('button', { name: 'Allow' }));
  await struggle(page, requests);
  const card = page.locator('[data-attune-ui]');
  await expect(card).toHaveCount(1);
  await expect(card.getByRole('heading', { name: 'Comparing plans?' })).toBeVisible();
  await expect(card.getByText('How many people are on your team?')).toHaveCount(0);
  expect(Object.keys((await storedRecords(page))['attune/kv'] ?? {})).not.toContain('profile');
});

/** The event types with listeners on the document, read through the DevTools protocol (the page has none of its own). */
const documentListeners = async (page: Page) => {
  const cdp = await page.context().newCDPSession(page);
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'document' });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
  await cdp.detach();
  return [...new Set(listeners.map((l) => l.type))].sort();
};

for (const mode of ['default', 'strict'] as const) {
  test(`consent mode ${mode}: ${mode === 'strict' ? 'no listener and no rules fetch until a purpose is granted' : 'detectors listen in memory before consent'}`, async ({
    page,
    site,
    requests,
  }) => {
    if (mode === 'strict')
      await page.route(`${site.url}/`, async (route) => {
        const response = await route.fetch();
        await route.fulfill({
          response,
          body: (await response.text()).replace('data-consent="pending"', 'data-consent="pending" data-consent-mode="strict"'),
        });
      });
    await page.goto(`${site.url}/`);
    await page.waitForLoadState('load');
    // The runtime has started once the page settled: its global has the runtime's $help.
    await page.waitForFunction(() => !!(window as unknown as { attune?: { $help?: unknown } }).attune?.$help);
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => requestIdleCallback(resolve))));
    const rulesFetched = () => requests.some((r) => r.url.endsWith('/attune-rules.json'));
    if (mode === 'strict') {
      expect(await documentListeners(page)).toEqual([]);
      expect(rulesFetched()).toBe(false);
    } else {
      await page.evaluate(() => (window as unknown as { attune: Attune }).attune.ready);
      expect(await documentListeners(page)).toEqual(expect.arrayContaining(['click', 'pointerdown', 'keydown', 'focusin']));
    }
    await mouseClick(page, page.getByRole('button', { name: 'Allow' }));
    await page.evaluate(() => (window as unknown as { attune: Attune }).attune.ready);
    expect(await documentListeners(page)).toEqual(expect.arrayContaining(['click', 'pointerdown', 'keydown', 'focusin']));
    expect(rulesFetched()).toBe(true);
  });
}
