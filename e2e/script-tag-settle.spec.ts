import type { Page } from '@playwright/test';
import { test, expect, rapidClicks, flush } from './fixtures';

// Attune costs a loading page nothing but its script's evaluation: the runtime starts at the
// first idle moment after `load`, or right after the visitor's first press if that comes sooner.
// The page holds one image until the test lets it go, so "while the page loads" lasts as long
// as the test needs.

const holdImage = async (page: Page) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/held.svg', async (route) => {
    await held;
    await route.fulfill({ contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"/>' });
  });
  return release;
};

const attuneReady = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { attune?: { ready: Promise<void> } };
    return w.attune
      ? Promise.race([w.attune.ready.then(() => 'ready'), new Promise((r) => setTimeout(() => r('waiting'), 50))])
      : 'no attune';
  });

// The event types with listeners on the document, read through the DevTools protocol (the page has none of its own).
const documentListeners = async (page: Page) => {
  const cdp = await page.context().newCDPSession(page);
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'document' });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
  await cdp.detach();
  return [...new Set(listeners.map((l) => l.type))].sort();
};

const databases = (page: Page) => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name).sort());

test('while the page loads Attune only defines its global: no listeners, no rules fetch, no storage; it starts once the page has loaded', async ({
  page,
  site,
  collector,
  requests,
}) => {
  const release = await holdImage(page);
  await page.goto(`${site.url}/e2e/script-tag/slow-load.html`, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => typeof (window as unknown as { attune?: { flush?: unknown } }).attune?.flush === 'function');
  // A call made now waits for the runtime; its promise settles once it has run.
  const tracked = page.evaluate(async () => {
    const attune = (window as unknown as { attune: { track(n: string, p: object): Promise<void> } }).attune;
    await attune.track('conversion', { goal: 'early_call' });
    return document.readyState;
  });
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => document.readyState)).not.toBe('complete');
  expect(await attuneReady(page)).toBe('waiting');
  expect(requests.map((r) => new URL(r.url).pathname).filter((p) => p.endsWith('rules.json'))).toEqual([]);
  expect(await databases(page)).toEqual([]);
  // No detector listens yet.
  expect(await documentListeners(page)).toEqual([]);

  release();
  await page.waitForLoadState('load');
  await expect.poll(() => attuneReady(page)).toBe('ready');
  expect(await tracked).toBe('complete');
  expect(requests.map((r) => new URL(r.url).pathname).filter((p) => p.endsWith('rules.json'))).toEqual(['/e2e/script-tag/rules.json']);
  expect(await databases(page)).toContain('attune');
  expect(await documentListeners(page)).toEqual(expect.arrayContaining(['click', 'pointerdown', 'keydown', 'focusin']));
  await flush(page);
  expect((await collector.events('conversion')).map((e) => e.goal)).toEqual(['early_call']);
});

test('a press before the page has loaded starts Attune at once: a rage-click burst during a long load is recorded', async ({
  page,
  site,
  collector,
}) => {
  const release = await holdImage(page);
  await page.goto(`${site.url}/e2e/script-tag/slow-load.html`, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => typeof (window as unknown as { attune?: { flush?: unknown } }).attune?.flush === 'function');
  await page.waitForTimeout(500);
  expect(await attuneReady(page)).toBe('waiting');
  // The visitor's first press (on the page's heading) starts the runtime, after the frame that answers it.
  const heading = await page.getByRole('heading').boundingBox();
  await page.mouse.click(heading!.x + 5, heading!.y + 5);
  await expect.poll(() => attuneReady(page)).toBe('ready');
  await rapidClicks(page, page.locator('[data-attune="apply-coupon"]'), 4);
  expect(await page.evaluate(() => document.readyState)).not.toBe('complete');
  await expect
    .poll(async () => {
      await flush(page);
      return (await collector.events('signal')).filter((e) => e.signal === 'rage_click').map((e) => e.target);
    })
    .toEqual(['apply-coupon']);
  release();
});
