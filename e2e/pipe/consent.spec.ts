// Consent: before consent, when it is denied, or when Global Privacy Control is
// on, Attune sends nothing and stores nothing but consent state; after a revoke
// nothing more is sent, queued events are deleted and their retries stop.
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, openFixture, track, flushPage, rageBursts, clickGoals, goalsFor, type Lab } from './pipe-fixtures';

test.describe.configure({ mode: 'parallel' });

interface StorageDump {
  databases: string[];
  records: { db: string; store: string; key: string; value: unknown }[];
  localStorage: string[];
  sessionStorage: string[];
  cookies: string;
  caches: string[];
}

/** Everything the origin holds on the device: every IndexedDB record, Web Storage keys, cookies, Cache Storage. */
const dumpStorage = (page: Page) =>
  page.evaluate(async (): Promise<StorageDump> => {
    const done = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const names = (await indexedDB.databases()).map((d) => d.name!).filter(Boolean);
    const records: StorageDump['records'] = [];
    for (const name of names) {
      const db = await done(indexedDB.open(name));
      for (const store of Array.from(db.objectStoreNames)) {
        const objects = db.transaction(store).objectStore(store);
        const [keys, values] = await Promise.all([done(objects.getAllKeys()), done(objects.getAll())]);
        keys.forEach((key, i) => records.push({ db: name, store, key: String(key), value: values[i] }));
      }
      db.close();
    }
    return {
      databases: names,
      records,
      localStorage: Object.keys(localStorage),
      sessionStorage: Object.keys(sessionStorage),
      cookies: document.cookie,
      caches: 'caches' in self ? await caches.keys() : [],
    };
  });

/** Consent state is the one thing Attune may keep before consent. */
const isConsentState = (key: string) => /consent/i.test(key);

const expectNothingButConsentState = async (page: Page, context: BrowserContext) => {
  const dump = await dumpStorage(page);
  expect(
    dump.records.filter((r) => !isConsentState(r.key)),
    'IndexedDB records',
  ).toEqual([]);
  expect(
    dump.localStorage.filter((k) => !isConsentState(k)),
    'localStorage keys',
  ).toEqual([]);
  expect(
    dump.sessionStorage.filter((k) => !isConsentState(k)),
    'sessionStorage keys',
  ).toEqual([]);
  expect(dump.cookies, 'cookies').toBe('');
  expect(await context.cookies(), 'cookies').toEqual([]);
  expect(dump.caches, 'Cache Storage').toEqual([]);
  return dump;
};

const endpointRequests = (lab: Lab) => lab.requests.filter((r) => new URL(r.url).origin === new URL(lab.proxy.endpoint).origin);

/**
 * A visit with real input: rage bursts, typing, a site-tracked conversion, an explicit flush,
 * every timer the pipe could have set run to the end, and the page hidden and left.
 */
const busyVisit = async (page: Page, siteUrl: string) => {
  await rageBursts(page, ['dead-1', 'dead-2']);
  await clickGoals(page, 'before-consent-click', 2);
  const box = await page.locator('#note').boundingBox();
  await page.mouse.click(box!.x + 10, box!.y + box!.height / 2);
  await page.keyboard.type('hello');
  await track(page, goalsFor('before-consent', 3));
  await flushPage(page);
  await page.clock.fastForward(61_000);
  await page.clock.fastForward(61_000);
  await flushPage(page);
  // Leave for a same-origin page without Attune: `visibilitychange` and `pagehide` fire on the way out.
  await page.goto(`${siteUrl}/e2e/pipe/rules.json`);
};

for (const { name, fixture } of [
  { name: 'consent pending', fixture: 'pending' },
  { name: 'consent denied', fixture: 'denied' },
] as const) {
  test(`${name}: zero requests to the endpoint and nothing but consent state stored`, async ({ page, context, site, lab }) => {
    await page.clock.install();
    await openFixture(page, site.url, fixture);
    await busyVisit(page, site.url);
    expect(endpointRequests(lab)).toEqual([]);
    expect(lab.proxy.log).toEqual([]);
    await expectNothingButConsentState(page, context);
    for (const r of lab.requests) expect(new URL(r.url).origin).toBe(site.origin);
  });
}

test('GPC on: even when the site grants measurement and profiling, zero requests and nothing but consent state stored', async ({
  page,
  context,
  site,
  lab,
}) => {
  await page.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true }),
  );
  await page.clock.install();
  await openFixture(page, site.url, 'pending');
  expect(await page.evaluate(() => (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl)).toBe(true);
  // The site's consent banner grants everything it asks about, GPC notwithstanding.
  await page.evaluate(() =>
    (window as unknown as { attune: { setConsent(c: object): void } }).attune.setConsent({ measurement: true, profiling: true }),
  );
  await busyVisit(page, site.url);
  expect(endpointRequests(lab)).toEqual([]);
  expect(lab.proxy.log).toEqual([]);
  await expectNothingButConsentState(page, context);
});

test('before consent, Attune creates no IndexedDB database at all', async ({ page, site }) => {
  await page.clock.install();
  await openFixture(page, site.url, 'pending');
  await busyVisit(page, site.url);
  expect((await dumpStorage(page)).databases).toEqual([]);
});

test('after a revoke nothing more is sent: queued events are deleted and their retries stop', async ({ page, site, lab }) => {
  await page.clock.install();
  await openFixture(page, site.url, 'granted');
  const sent = goalsFor('granted', 3);
  await track(page, sent);
  await flushPage(page);
  await expect.poll(async () => (await lab.stored('conversion')).length).toBe(3);

  // The endpoint fails, so the next events wait in the queue for a retry.
  lab.proxy.fault({ kind: 'status', status: 503 });
  const waiting = goalsFor('waiting', 4);
  await track(page, waiting);
  await rageBursts(page, ['dead-3']);
  await clickGoals(page, 'waiting-click', 2);
  await flushPage(page);
  await expect.poll(() => lab.proxy.log.length).toBe(2);

  const revokedAt = Date.now();
  await page.evaluate(() =>
    (window as unknown as { attune: { setConsent(c: object): void } }).attune.setConsent({ measurement: false, help: false }),
  );
  lab.proxy.fault({ kind: 'pass' });

  // Real input and site calls after the revoke, every retry timer run out, then the page left.
  await rageBursts(page, ['dead-4', 'dead-5']);
  await clickGoals(page, 'revoked-click', 2);
  await track(page, goalsFor('revoked', 3));
  await flushPage(page);
  await page.clock.fastForward(61_000);
  await page.clock.fastForward(61_000);
  await flushPage(page);
  const dump = await dumpStorage(page);
  await page.goto(`${site.url}/e2e/pipe/rules.json`);

  expect(
    lab.proxy.log.filter((r) => r.at >= revokedAt),
    'requests after the revoke',
  ).toEqual([]);
  expect(lab.requests.filter((r) => r.at >= revokedAt && new URL(r.url).origin === new URL(lab.proxy.endpoint).origin)).toEqual([]);
  expect((await lab.stored()).map((e) => e.goal ?? e.target).sort()).toEqual(sent);
  expect(
    dump.records.filter((r) => r.db === 'attune-queue'),
    'events left in the queue',
  ).toEqual([]);
});

test('after every purpose is revoked, Attune keeps no local record but consent state', async ({ page, context, site, lab }) => {
  await openFixture(page, site.url, 'granted');
  const clicked = await clickGoals(page, 'then-revoked-click', 1);
  await track(page, goalsFor('then-revoked', 2));
  await expect
    .poll(async () => {
      await flushPage(page);
      return (await lab.stored()).map((e) => e.goal ?? e.target).sort();
    })
    .toEqual([...clicked, 'then-revoked-g0', 'then-revoked-g1'].sort());
  // While consent held, Attune kept its visitor record on the device.
  expect((await dumpStorage(page)).records.some((r) => r.db === 'attune')).toBe(true);
  await page.evaluate(() =>
    (window as unknown as { attune: { setConsent(c: object): void } }).attune.setConsent({
      measurement: false,
      help: false,
      profiling: false,
    }),
  );
  await expect.poll(async () => (await dumpStorage(page)).records.filter((r) => !isConsentState(r.key))).toEqual([]);
  await expectNothingButConsentState(page, context);
});

const setConsent = (page: Page, choice: Record<string, boolean>) =>
  page.evaluate((c) => (window as unknown as { attune: { setConsent(c: object): void } }).attune.setConsent(c), choice);

test('a consent choice carries over to the next page view: the site does not have to ask again', async ({ page, context, site, lab }) => {
  await openFixture(page, site.url, 'pending');
  await setConsent(page, { measurement: true, help: true });
  // The choice is the one record kept; nothing else was stored yet.
  await expect.poll(async () => (await dumpStorage(page)).records.map((r) => r.key)).toContain('consent');
  await page.reload();
  await openFixture(page, site.url, 'pending');
  // No setConsent on this page: the remembered grant lets the visit's events go out.
  const clicked = await clickGoals(page, 'remembered-grant', 2);
  await track(page, goalsFor('remembered-grant', 2));
  await expect
    .poll(async () => {
      await flushPage(page);
      return (await lab.stored()).map((e) => e.goal).sort();
    })
    .toEqual([...clicked, 'remembered-grant-g0', 'remembered-grant-g1'].sort());
  expect(await context.cookies()).toEqual([]);
});

test('an opt-out holds on the next page even where the site declares consent for everyone, and survives forget()', async ({
  page,
  site,
  lab,
}) => {
  await openFixture(page, site.url, 'granted');
  await page.evaluate(() => (window as unknown as { attune: { optOut(): void } }).attune.optOut());
  await expect.poll(async () => (await dumpStorage(page)).records.map((r) => `${r.db}/${r.key}`)).toEqual(['attune-consent/consent']);
  const optedOutAt = Date.now();
  for (let view = 0; view < 2; view++) {
    await page.reload();
    await openFixture(page, site.url, 'granted');
    await rageBursts(page, ['dead-1']);
    await clickGoals(page, `after-opt-out-${view}`, 2);
    await track(page, goalsFor(`after-opt-out-${view}`, 2));
    await flushPage(page);
    // forget() on the second page: the denial must still hold on the third.
    if (view === 0) await page.evaluate(() => (window as unknown as { attune: { forget(): Promise<void> } }).attune.forget());
  }
  await page.goto(`${site.url}/e2e/pipe/rules.json`);
  expect(lab.requests.filter((r) => r.at >= optedOutAt && new URL(r.url).origin === new URL(lab.proxy.endpoint).origin)).toEqual([]);
  expect(await lab.stored()).toEqual([]);
});

test('a call on the page outranks the remembered choice for the purposes it names, and is remembered in turn', async ({
  page,
  site,
  lab,
}) => {
  await openFixture(page, site.url, 'pending');
  await setConsent(page, { measurement: false, help: true });
  await expect.poll(async () => (await dumpStorage(page)).records.map((r) => r.key)).toContain('consent');
  await page.reload();
  await openFixture(page, site.url, 'pending');
  // This page grants measurement over the remembered denial.
  await setConsent(page, { measurement: true });
  await track(page, goalsFor('page-wins', 1));
  await expect
    .poll(async () => {
      await flushPage(page);
      return (await lab.stored()).map((e) => e.goal);
    })
    .toEqual(['page-wins-g0']);
  // The next page makes no call: the grant made on the page before is what holds.
  await page.reload();
  await openFixture(page, site.url, 'pending');
  await track(page, goalsFor('then-remembered', 1));
  await expect
    .poll(async () => {
      await flushPage(page);
      return (await lab.stored()).map((e) => e.goal).sort();
    })
    .toEqual(['page-wins-g0', 'then-remembered-g0']);
});
