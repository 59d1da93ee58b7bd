import { mouseClick, rapidClicks } from '../fixtures';
import { expect, open, outcome, test } from './scenario';
import type { Locator, Page } from '@playwright/test';

test.describe.configure({ mode: 'parallel' });

/** The centre of `target` in viewport coordinates. */
const centre = async (target: Locator) => {
  const box = await target.boundingBox();
  if (!box) throw new Error('target is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
};
const at = (page: Page, id: string) => page.locator(`#${id}`);

// Long enough for a rage burst to end (1 s) and a dead-click wait (2.5 s) to run out.
const QUIET = 3000;

test('rage: four fast clicks on a coupon button that does nothing give one high-confidence rage_click', async ({
  page,
  site,
  collector,
}) => {
  await open(page, site.url, 'clicks.html');
  await rapidClicks(page, at(page, 'apply'), 4);
  const [rage] = (await outcome(page, collector, { expected: ['rage_click'], tolerated: ['dead_click'] })).filter(
    (s) => s.signal === 'rage_click',
  );
  expect(rage).toMatchObject({ target: 'apply-coupon', confidence: 'high' });
  expect(rage!.count).toBeGreaterThanOrEqual(3);
});

test('rage: five fast clicks on a refresh button that only starts a request give a normal-confidence rage_click', async ({
  page,
  site,
  collector,
}) => {
  await open(page, site.url, 'clicks.html');
  await rapidClicks(page, at(page, 'load'), 5);
  const signals = await outcome(page, collector, { expected: ['rage_click'] });
  expect(signals).toEqual([{ signal: 'rage_click', target: '#load', count: 5 }]);
});

test('a + stepper clicked six times gives no signal', async ({ page, site, collector }) => {
  await open(page, site.url, 'clicks.html');
  await rapidClicks(page, at(page, 'plus'), 6);
  await expect(at(page, 'qty')).toHaveText('7');
  await outcome(page, collector, { expected: [], quietMs: QUIET });
});

test('carousel arrows clicked quickly give no signal', async ({ page, site, collector }) => {
  await open(page, site.url, 'clicks.html');
  await rapidClicks(page, at(page, 'next'), 5);
  await rapidClicks(page, at(page, 'prev'), 3);
  await expect(at(page, 'slide')).toHaveText('3');
  await outcome(page, collector, { expected: [], quietMs: QUIET });
});

test('a toggle with aria-pressed clicked five times gives no signal', async ({ page, site, collector }) => {
  await open(page, site.url, 'clicks.html');
  await rapidClicks(page, at(page, 'bold'), 5);
  await outcome(page, collector, { expected: [], quietMs: QUIET });
});

test('a word double-clicked to select it gives no signal', async ({ page, site, collector }) => {
  await open(page, site.url, 'clicks.html');
  const { x, y } = await centre(at(page, 'prose'));
  await page.mouse.dblclick(x, y);
  expect(await page.evaluate(() => getSelection()?.toString().trim().length)).toBeGreaterThan(0);
  await outcome(page, collector, { expected: [], quietMs: QUIET });
});

test('a paragraph triple-clicked to select it gives no signal', async ({ page, site, collector }) => {
  await open(page, site.url, 'clicks.html');
  const { x, y } = await centre(at(page, 'prose'));
  await page.mouse.click(x, y, { clickCount: 3 });
  expect(await page.evaluate(() => getSelection()?.toString().length)).toBeGreaterThan(60);
  await outcome(page, collector, { expected: [], quietMs: QUIET });
});

test('right-clicks and Alt-clicks in a burst give no signal', async ({ page, site, collector }) => {
  await open(page, site.url, 'clicks.html');
  const { x, y } = await centre(at(page, 'save'));
  for (let i = 0; i < 4; i++) await page.mouse.click(x, y, { button: 'right' });
  await page.keyboard.down('Alt');
  for (let i = 0; i < 4; i++) await page.mouse.click(x, y);
  await page.keyboard.up('Alt');
  await outcome(page, collector, { expected: [], quietMs: QUIET });
});

test('clicks inside data-attune-ignore="rage dead" give no signal', async ({ page, site, collector }) => {
  await open(page, site.url, 'clicks.html');
  await rapidClicks(page, at(page, 'quiet'), 5);
  await outcome(page, collector, { expected: [], quietMs: QUIET });
});

test('a modal backdrop clicked to close the dialog gives no signal', async ({ page, site, collector }) => {
  await open(page, site.url, 'clicks.html');
  await mouseClick(page, at(page, 'open-modal'));
  await expect(at(page, 'modal')).toBeVisible();
  for (let i = 0; i < 3; i++) {
    await page.mouse.click(20, 20);
    await page.waitForTimeout(90);
  }
  await expect(at(page, 'modal')).toBeHidden();
  await outcome(page, collector, { expected: [], quietMs: QUIET });
});

test('dead: a click on a button and one on a pointer-cursor element that do nothing each give a dead_click', async ({
  page,
  site,
  collector,
}) => {
  await open(page, site.url, 'clicks.html');
  await mouseClick(page, at(page, 'save'));
  await mouseClick(page, at(page, 'details'));
  const save = await outcome(page, collector, {
    expected: ['dead_click'],
    where: (s) => s.target === '#save',
    name: 'dead: a single click on a button that does nothing',
  });
  expect(save).toEqual([{ signal: 'dead_click', target: '#save', count: 1 }]);
  const details = await outcome(page, collector, {
    expected: ['dead_click'],
    where: (s) => s.target === '#details',
    name: 'dead: a click on a pointer-cursor element that does nothing',
  });
  expect(details).toEqual([{ signal: 'dead_click', target: '#details', count: 1 }]);
});

test('a download link gives no dead_click', async ({ page, site, collector }) => {
  await open(page, site.url, 'clicks.html');
  const download = page.waitForEvent('download');
  await mouseClick(page, at(page, 'download'));
  await download;
  await outcome(page, collector, { expected: [], quietMs: QUIET });
});

test('a new-tab link gives no dead_click', async ({ page, site, collector }) => {
  await open(page, site.url, 'clicks.html');
  const popup = page.waitForEvent('popup');
  await mouseClick(page, at(page, 'newtab'));
  await (await popup).close();
  await outcome(page, collector, { expected: [], quietMs: QUIET });
});

test('a button that reveals a panel gives no signal', async ({ page, site, collector }) => {
  await open(page, site.url, 'clicks.html');
  await mouseClick(page, at(page, 'show'));
  await expect(at(page, 'panel')).toBeVisible();
  await outcome(page, collector, { expected: [], quietMs: QUIET });
});

test('a button that only starts a request gives no dead_click', async ({ page, site, collector }) => {
  await open(page, site.url, 'clicks.html');
  await mouseClick(page, at(page, 'load'));
  await outcome(page, collector, { expected: [], quietMs: QUIET });
});

test('opening and closing a modal dialog gives no signal', async ({ page, site, collector }) => {
  await open(page, site.url, 'clicks.html');
  await mouseClick(page, at(page, 'open-modal'));
  await mouseClick(page, at(page, 'close-modal'));
  await expect(at(page, 'modal')).toBeHidden();
  await outcome(page, collector, { expected: [], quietMs: QUIET });
});

test('error: a click whose handler throws gives an error_click on that button', async ({ page, site, collector }) => {
  await open(page, site.url, 'clicks.html');
  await mouseClick(page, at(page, 'pay'));
  const signals = await outcome(page, collector, { expected: ['error_click'], tolerated: ['dead_click'] });
  expect(signals.find((s) => s.signal === 'error_click')).toEqual({ signal: 'error_click', target: '#pay', count: 1 });
});

test('error: a click followed by an unhandled rejection gives an error_click', async ({ page, site, collector }) => {
  await open(page, site.url, 'clicks.html');
  await mouseClick(page, at(page, 'retry'));
  const signals = await outcome(page, collector, { expected: ['error_click'], tolerated: ['dead_click'] });
  expect(signals.find((s) => s.signal === 'error_click')?.target).toBe('#retry');
});

test('an error almost two seconds after a click gives no error_click', async ({ page, site, collector }) => {
  await open(page, site.url, 'clicks.html');
  const failed = page.waitForEvent('pageerror');
  await mouseClick(page, at(page, 'later-error'));
  await failed;
  await outcome(page, collector, { expected: [], tolerated: ['dead_click'], quietMs: 1500 });
});

test('slow: a click handler that blocks for 700 ms gives a slow_interaction on that button', async ({ page, site, collector }) => {
  await open(page, site.url, 'clicks.html');
  await mouseClick(page, at(page, 'slow'));
  // Event Timing reports an interaction at the next presented frame; headless Chromium presents
  // one only when something changes on screen, so the visitor moves on to the search field (a caret).
  await mouseClick(page, at(page, 'search'));
  const [slow] = await outcome(page, collector, { expected: ['slow_interaction'] });
  expect(slow).toMatchObject({ signal: 'slow_interaction', target: '#slow' });
  expect(slow!.count).toBeGreaterThanOrEqual(700);
});

test('slow: typing into a field whose key handler blocks gives a slow_interaction on the field', async ({ page, site, collector }) => {
  await open(page, site.url, 'clicks.html');
  await mouseClick(page, at(page, 'search'));
  await page.keyboard.type('a');
  const signals = await outcome(page, collector, { expected: ['slow_interaction'] });
  // On a loaded machine the click into the field can be slow too; every slow one is on the field.
  expect([...new Set(signals.map((s) => s.target))]).toEqual(['#search']);
});
