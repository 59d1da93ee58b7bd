import type { CDPSession, Page } from '@playwright/test';
import { expect, open, outcome, test } from './scenario';

test.describe.configure({ mode: 'parallel' });
test.use({ hasTouch: true, isMobile: true, viewport: { width: 412, height: 800 } });

// Long enough for a rage burst (1 s) and a dead-click wait (2.5 s) to run out.
const QUIET = 3200;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A real touch drag through Chromium's input pipeline: finger down at (x, y), moved by dy in
 * steps, held still for `holdMs` (no fling when held), lifted.
 */
const drag = async (cdp: CDPSession, x: number, y: number, dy: number, holdMs = 0) => {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let i = 1; i <= 8; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y + (dy * i) / 8 }] });
  if (holdMs) await pause(holdMs);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
};

/** Scrolls with `times` touch drags of `dy` px each (positive: towards the top), `pauseMs` apart. */
const swipe = async (cdp: CDPSession, dy: number, times: number, pauseMs: number, holdMs = 0) => {
  for (let i = 0; i < times; i++) {
    await drag(cdp, 200, dy > 0 ? 150 : 650, dy, holdMs);
    await pause(pauseMs);
  }
};

const scrollY = (page: Page) => page.evaluate(() => scrollY);

test('four quick taps on a touch screen on a button that does nothing give a rage_click', async ({ page, site, collector }) => {
  await open(page, site.url, 'touch.html');
  for (let i = 0; i < 4; i++) {
    await page.touchscreen.tap(200, 150);
    await page.waitForTimeout(120);
  }
  const signals = await outcome(page, collector, { expected: ['rage_click'], tolerated: ['dead_click'] });
  expect(signals.find((s) => s.signal === 'rage_click')).toMatchObject({ target: '#express' });
});

test('touches that start on a button and become scrolls give no rage_click or dead_click', async ({ page, site, collector }) => {
  await open(page, site.url, 'touch.html');
  expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
  const cdp = await page.context().newCDPSession(page);
  for (let i = 0; i < 4; i++) {
    await page.evaluate(() => scrollTo(0, 0));
    await drag(cdp, 200, 200, -120);
  }
  await expect.poll(() => scrollY(page)).toBeGreaterThan(50);
  await outcome(page, collector, { expected: [], quietMs: QUIET });
});

test('exit_intent: on a touch screen, the browser back button inside a single-page app gives an exit_intent', async ({
  page,
  site,
  collector,
}) => {
  await open(page, site.url, 'spa.html');
  const box = (await page.locator('#to-features').boundingBox())!;
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page).toHaveURL(/\/features$/);
  await page.waitForTimeout(QUIET);
  await page.goBack();
  await expect(page).toHaveURL(/spa\.html$/);
  // Plans → Features → Plans is also a back_forth.
  const signals = await outcome(page, collector, { expected: ['exit_intent'], tolerated: ['back_forth'] });
  expect(signals.filter((s) => s.signal === 'exit_intent')).toEqual([{ signal: 'exit_intent', target: 'page', count: 1 }]);
});

test('exit_intent: on a touch screen, a fast swipe back to the top from far down gives an exit_intent', async ({
  page,
  site,
  collector,
}) => {
  await open(page, site.url, 'touch.html');
  const cdp = await page.context().newCDPSession(page);
  await swipe(cdp, -450, 4, 100);
  await expect.poll(() => scrollY(page)).toBeGreaterThan(1000);
  await page.waitForTimeout(QUIET);
  await swipe(cdp, 480, 4, 0);
  await expect.poll(() => scrollY(page)).toBeLessThan(50);
  const signals = await outcome(page, collector, { expected: ['exit_intent'] });
  expect(signals).toEqual([{ signal: 'exit_intent', target: 'page', count: 1 }]);
});

test('on a touch screen, a slow scroll back to the top gives no exit_intent', async ({ page, site, collector }) => {
  await open(page, site.url, 'touch.html');
  const cdp = await page.context().newCDPSession(page);
  await swipe(cdp, -450, 4, 100);
  await expect.poll(() => scrollY(page)).toBeGreaterThan(1000);
  await page.waitForTimeout(QUIET);
  // Each finger rests before lifting, so nothing flings: about 400 px a second.
  await swipe(cdp, 200, 12, 200, 300);
  await expect.poll(() => scrollY(page)).toBeLessThan(50);
  await outcome(page, collector, { expected: [], quietMs: 1500 });
});
