// Fault injection between the page and the real collector: for each fault the
// page generates a known set of events with real input and site calls, and the
// collector must end up with each of them exactly once.
import type { Page } from '@playwright/test';
import {
  test,
  expect,
  openFixture,
  track,
  flushPage,
  clickGoals,
  tally,
  waitForAll,
  goalsFor,
  expectedOf,
  type Lab,
} from './pipe-fixtures';

test.describe.configure({ mode: 'parallel' });

/** Waits until the proxy has seen `count` POSTs. */
const requestsReach = (lab: Lab, count: number) =>
  expect.poll(() => lab.proxy.log.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(count);

/** Events waiting in this origin's IndexedDB queue. */
const queued = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('attune-queue');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('events')) {
            db.close();
            return resolve(0);
          }
          const count = db.transaction('events').objectStore('events').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
          count.onerror = () => reject(count.error);
        };
      }),
  );

/** Lets the page's fake clock run past any backoff (the pipe waits at most 60 s between tries). */
const skipBackoff = (page: Page) => page.clock.fastForward(61_000);

/**
 * With a mocked clock, opens the granted fixture, takes the endpoint down, then clicks one goal and
 * tracks five more named after `name`; returns them once all six wait in the queue.
 */
const queueWhileDown = async (page: Page, url: string, lab: Lab, name: string) => {
  await page.clock.install();
  await openFixture(page, url, 'granted');
  await lab.proxy.down();
  const clicked = await clickGoals(page, name, 1);
  const goals = goalsFor(name, 5);
  await track(page, goals);
  await flushPage(page);
  await expect.poll(() => queued(page)).toBe(6);
  return { clicked, goals };
};

const expectNoLossNoDouble = (figures: { sent: number; stored: number; lost: number; duplicated: number }) => {
  expect(figures.lost, 'events lost').toBe(0);
  expect(figures.duplicated, 'events stored twice').toBe(0);
  expect(figures.stored).toBe(figures.sent);
};

test('no fault: clicked and tracked conversions are each stored exactly once', async ({ page, site, lab }) => {
  await openFixture(page, site.url, 'granted');
  const clicked = await clickGoals(page, 'baseline', 3);
  const goals = goalsFor('baseline', 6);
  await track(page, goals);
  const expected = expectedOf([...clicked, ...goals]);
  await waitForAll(lab, expected, page);
  const figures = await tally(lab, 'no fault', expected);
  expectNoLossNoDouble(figures);
  expect(figures.redelivered).toBe(0);
});

test('endpoint down (connection refused) then up: events wait in IndexedDB and are each stored once', async ({ page, site, lab }) => {
  await page.clock.install();
  await lab.proxy.down();
  await openFixture(page, site.url, 'granted');
  const clicked = await clickGoals(page, 'down', 1);
  const goals = goalsFor('down', 5);
  await track(page, goals);
  await flushPage(page);
  // Nothing got through, and every accepted event sits in the persistent queue.
  expect(await lab.stored()).toHaveLength(0);
  await expect.poll(() => queued(page)).toBe(6);
  await lab.proxy.up();
  await skipBackoff(page);
  const expected = expectedOf([...clicked, ...goals]);
  await waitForAll(lab, expected, page);
  expectNoLossNoDouble(await tally(lab, 'endpoint down then up', expected));
  await expect.poll(() => queued(page)).toBe(0);
});

test('connection destroyed before the collector, twice: each event is stored once after the retries', async ({ page, site, lab }) => {
  await page.clock.install();
  await openFixture(page, site.url, 'granted');
  lab.proxy.fault({ kind: 'reset' }, 2);
  const goals = goalsFor('reset', 5);
  await track(page, goals);
  await flushPage(page);
  await requestsReach(lab, 1);
  await skipBackoff(page);
  await requestsReach(lab, 2);
  await skipBackoff(page);
  const expected = expectedOf(goals);
  await waitForAll(lab, expected, page);
  const figures = await tally(lab, 'connection reset x2', expected);
  expectNoLossNoDouble(figures);
  expect(lab.proxy.log.slice(0, 2).map((r) => r.outcome)).toEqual(['reset', 'reset']);
});

test('answer lost after the collector stored the batch: the retry is deduped, nothing is stored twice', async ({ page, site, lab }) => {
  await page.clock.install();
  await openFixture(page, site.url, 'granted');
  lab.proxy.fault({ kind: 'lose-answer' }, 1);
  const goals = goalsFor('lost-answer', 5);
  await track(page, goals);
  await flushPage(page);
  await requestsReach(lab, 1);
  expect(await lab.stored('conversion')).toHaveLength(5);
  await skipBackoff(page);
  const expected = expectedOf(goals);
  await expect.poll(() => lab.proxy.log.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
  await waitForAll(lab, expected, page);
  const figures = await tally(lab, 'answer lost after store', expected);
  expectNoLossNoDouble(figures);
  // The page resent the batch it never heard back about: at least once, deduped by id.
  expect(figures.redelivered).toBe(5);
});

test('500 storm: six 500s in a row with growing backoff, then every event is stored once', async ({ page, site, lab }) => {
  await page.clock.install();
  await openFixture(page, site.url, 'granted');
  lab.proxy.fault({ kind: 'status', status: 500 }, 6);
  const clicked = await clickGoals(page, 'storm', 2);
  const goals = goalsFor('storm', 8);
  await track(page, goals);
  await flushPage(page);
  for (let i = 1; i <= 6; i++) {
    await requestsReach(lab, i);
    await skipBackoff(page);
  }
  const expected = expectedOf([...clicked, ...goals]);
  await waitForAll(lab, expected, page);
  const figures = await tally(lab, '500 storm x6', expected);
  expectNoLossNoDouble(figures);
  expect(lab.proxy.log.filter((r) => r.outcome === 'status 500')).toHaveLength(6);
});

test('slow answers: events accepted while a request hangs are sent after it, each stored once and sent once', async ({
  page,
  site,
  lab,
}) => {
  await openFixture(page, site.url, 'granted');
  lab.proxy.fault({ kind: 'slow', ms: 2500 }, 1);
  const first = goalsFor('slow-a', 4);
  await track(page, first);
  const hanging = flushPage(page);
  await requestsReach(lab, 1);
  const second = goalsFor('slow-b', 4);
  await track(page, second);
  const clicked = await clickGoals(page, 'slow-c', 2);
  await flushPage(page);
  await hanging;
  const expected = expectedOf([...first, ...second, ...clicked]);
  await waitForAll(lab, expected, page);
  const figures = await tally(lab, 'slow answers (2.5 s)', expected);
  expectNoLossNoDouble(figures);
  expect(figures.redelivered, 'nothing resent while a request was only slow').toBe(0);
});

test('413 for batches over 3 events: the pipe splits the batch and every event is stored once', async ({ page, site, lab }) => {
  await openFixture(page, site.url, 'granted');
  lab.proxy.fault({ kind: 'too-large', maxEvents: 3 });
  const goals = goalsFor('split', 12);
  await track(page, goals);
  const expected = expectedOf(goals);
  await waitForAll(lab, expected, page);
  const figures = await tally(lab, '413 over 3 events', expected);
  expectNoLossNoDouble(figures);
  expect(lab.proxy.log.some((r) => r.outcome === 'status 413')).toBe(true);
  for (const r of lab.proxy.log.filter((r) => r.outcome.startsWith('forwarded'))) expect(r.ids.length).toBeLessThanOrEqual(3);
});

test('429 with Retry-After: 3: no retry before 3 s even when the site calls flush(), then each event is stored once', async ({
  page,
  site,
  lab,
}) => {
  await openFixture(page, site.url, 'granted');
  lab.proxy.fault({ kind: 'status', status: 429, retryAfter: 3 }, 1);
  const goals = goalsFor('429', 5);
  await track(page, goals);
  await flushPage(page);
  await requestsReach(lab, 1);
  const refusedAt = lab.proxy.log[0]!.at;
  // Full jitter after one failure waits at most 2 s; only honouring Retry-After keeps the pipe quiet for 3 s.
  while (Date.now() - refusedAt < 2_700) {
    await flushPage(page);
    await page.waitForTimeout(200);
  }
  expect(
    lab.proxy.log.filter((r) => r.at - refusedAt < 2_900),
    'requests before Retry-After elapsed',
  ).toHaveLength(1);
  const expected = expectedOf(goals);
  await waitForAll(lab, expected, page);
  expectNoLossNoDouble(await tally(lab, '429 Retry-After 3', expected));
  expect(lab.proxy.log[1]!.at - refusedAt).toBeGreaterThanOrEqual(2_900);
});

test('browser offline then online: nothing is sent offline, and going online alone sends each event once', async ({
  page,
  context,
  site,
  lab,
}) => {
  await openFixture(page, site.url, 'granted');
  await context.setOffline(true);
  const clicked = await clickGoals(page, 'offline', 1);
  const goals = goalsFor('offline', 5);
  await track(page, goals);
  await flushPage(page);
  await page.waitForTimeout(300);
  expect(lab.proxy.log).toHaveLength(0);
  await expect.poll(() => queued(page)).toBe(6);
  await context.setOffline(false);
  // No flush() from the test: the `online` event must resume sending by itself.
  const expected = expectedOf([...clicked, ...goals]);
  await waitForAll(lab, expected, undefined, 5_000);
  expectNoLossNoDouble(await tally(lab, 'offline then online', expected));
});

test('reload while a batch is in flight: the reloaded page finishes delivery and nothing is stored twice', async ({ page, site, lab }) => {
  await openFixture(page, site.url, 'granted');
  lab.proxy.fault({ kind: 'slow', ms: 1500 }, 1);
  const goals = goalsFor('reload', 6);
  await track(page, goals);
  void flushPage(page);
  await requestsReach(lab, 1);
  const after = goalsFor('reload-late', 3);
  await track(page, after);
  await page.reload();
  await openFixture(page, site.url, 'granted');
  const expected = expectedOf([...goals, ...after]);
  await waitForAll(lab, expected, page);
  expectNoLossNoDouble(await tally(lab, 'reload mid-batch', expected));
  await expect.poll(() => queued(page)).toBe(0);
});

test('endpoint down while the page is hidden and left: the unanswered beacon loses nothing, the next visit sends each event once', async ({
  page,
  site,
  lab,
}) => {
  const { clicked, goals } = await queueWhileDown(page, site.url, lab, 'left-down');
  // Leaving fires visibilitychange and pagehide: the pipe hands its events to sendBeacon, which cannot reach the endpoint.
  await page.goto(`${site.url}/e2e/pipe/rules.json`);
  await lab.proxy.up();
  await openFixture(page, site.url, 'granted');
  const expected = expectedOf([...clicked, ...goals]);
  await waitForAll(lab, expected, page, 10_000);
  expectNoLossNoDouble(await tally(lab, 'endpoint down at page hide', expected));
});

test('tab hidden while the endpoint is down: the unanswered beacon loses nothing, each event is stored once when it is back', async ({
  page,
  site,
  lab,
}) => {
  const { clicked, goals } = await queueWhileDown(page, site.url, lab, 'hidden-down');
  // Headless Chromium keeps every tab visible, so the page goes to the background as the browser
  // would tell it: visibilityState becomes 'hidden' and visibilitychange fires. The page stays alive.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.waitForTimeout(500);
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await lab.proxy.up();
  await page.clock.fastForward(61_000);
  const expected = expectedOf([...clicked, ...goals]);
  await waitForAll(lab, expected, page, 10_000);
  expectNoLossNoDouble(await tally(lab, 'endpoint down at tab hide', expected));
});

test('reload before the batch timer fires: the events reach the collector once, by beacon or by the next page', async ({
  page,
  site,
  lab,
}) => {
  await openFixture(page, site.url, 'granted');
  const clicked = await clickGoals(page, 'reload-early', 1);
  const goals = goalsFor('reload-early', 5);
  await track(page, goals);
  expect(lab.proxy.log).toHaveLength(0);
  await page.reload();
  await openFixture(page, site.url, 'granted');
  const expected = expectedOf([...clicked, ...goals]);
  await waitForAll(lab, expected, page);
  expectNoLossNoDouble(await tally(lab, 'reload before timer', expected));
});

test('tab closed in the middle of a flush: the next tab sends what was left, each event stored once', async ({
  page,
  context,
  site,
  lab,
}) => {
  await openFixture(page, site.url, 'granted');
  // The first attempt is cut off, so the closing tab never learns whether it went through.
  lab.proxy.fault({ kind: 'reset' }, 1);
  const goals = goalsFor('closed', 6);
  await track(page, goals);
  void flushPage(page);
  await requestsReach(lab, 1);
  const late = goalsFor('closed-late', 3);
  await track(page, late);
  await page.close();
  const next = await context.newPage();
  await openFixture(next, site.url, 'granted');
  const expected = expectedOf([...goals, ...late]);
  await waitForAll(lab, expected, next);
  expectNoLossNoDouble(await tally(lab, 'tab closed mid-flush', expected));
  await expect.poll(() => queued(next)).toBe(0);
});

test('two tabs of one site flushing at once: events from both are each stored once', async ({ page, context, site, lab }) => {
  const other = await context.newPage();
  await openFixture(page, site.url, 'granted');
  await openFixture(other, site.url, 'granted');
  lab.proxy.fault({ kind: 'slow', ms: 600 }, 2);
  const clickedA = await clickGoals(page, 'tab-a-click', 2);
  const clickedB = await clickGoals(other, 'tab-b-click', 2);
  const a = goalsFor('tab-a', 10);
  const b = goalsFor('tab-b', 10);
  for (let i = 0; i < 10; i++) {
    await track(page, [a[i]!]);
    await track(other, [b[i]!]);
  }
  await Promise.all([flushPage(page), flushPage(other)]);
  const expected = expectedOf([...a, ...b, ...clickedA, ...clickedB]);
  await expect
    .poll(
      async () => {
        await Promise.all([flushPage(page), flushPage(other)]);
        return (await lab.stored()).length;
      },
      { timeout: 20_000 },
    )
    .toBeGreaterThanOrEqual(expected.size);
  expectNoLossNoDouble(await tally(lab, 'two tabs', expected));
});

test('IndexedDB.open throws: the pipe queues in memory, the page sees no error, each event is stored once', async ({ page, site, lab }) => {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openFixture(page, site.url, 'granted');
  const clicked = await clickGoals(page, 'idb-throws', 1);
  const goals = goalsFor('idb-throws', 5);
  await track(page, goals);
  const expected = expectedOf([...clicked, ...goals]);
  await waitForAll(lab, expected, page);
  expectNoLossNoDouble(await tally(lab, 'IndexedDB open throws', expected));
  expect(errors).toEqual([]);
});

test('IndexedDB.open fails asynchronously: the pipe falls back to memory, the page sees no error, each event is stored once', async ({
  page,
  site,
  lab,
}) => {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      const request = new EventTarget() as IDBOpenDBRequest & { onerror: ((e: Event) => void) | null };
      Object.defineProperties(request, {
        error: { value: new DOMException('Storage is blocked.', 'UnknownError') },
        readyState: { value: 'done' },
      });
      request.onerror = null;
      setTimeout(() => {
        const event = new Event('error');
        request.onerror?.(event);
        request.dispatchEvent(event);
      }, 0);
      return request;
    };
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openFixture(page, site.url, 'granted');
  const clicked = await clickGoals(page, 'idb-fails', 1);
  const goals = goalsFor('idb-fails', 5);
  await track(page, goals);
  const expected = expectedOf([...clicked, ...goals]);
  await waitForAll(lab, expected, page);
  expectNoLossNoDouble(await tally(lab, 'IndexedDB open fails async', expected));
  expect(errors).toEqual([]);
});
