import { mouseClick } from '../fixtures';
import { expect, open, outcome, test } from './scenario';
import type { Page } from '@playwright/test';

test.describe.configure({ mode: 'parallel' });

const go = async (page: Page, route: 'plans' | 'features' | 'contact') => {
  await mouseClick(page, page.locator(`#to-${route}`));
  await expect(page).toHaveURL(new RegExp(`/${route}$`));
};

test('back_forth: Plans → Features → Plans inside a single-page app gives a back_forth', async ({ page, site, collector }) => {
  await open(page, site.url, 'spa.html');
  await go(page, 'plans');
  await go(page, 'features');
  await go(page, 'plans');
  const signals = await outcome(page, collector, { expected: ['back_forth'] });
  expect(signals).toEqual([{ signal: 'back_forth', target: 'page', count: 2 }]);
});

test('back_forth: Plans → Features, then the browser back button, gives a back_forth', async ({ page, site, collector }) => {
  await open(page, site.url, 'spa.html');
  await go(page, 'plans');
  await go(page, 'features');
  await page.goBack();
  await expect(page).toHaveURL(/\/plans$/);
  const signals = await outcome(page, collector, { expected: ['back_forth'] });
  expect(signals.map((s) => s.signal)).toEqual(['back_forth']);
});

test('going Plans → Features → Contact in a straight line gives no signal', async ({ page, site, collector }) => {
  await open(page, site.url, 'spa.html');
  await go(page, 'plans');
  await go(page, 'features');
  await go(page, 'contact');
  await outcome(page, collector, { expected: [], quietMs: 1000 });
});

/** Waits until Attune has watched the visitor long enough for exit intent to count (3 s). */
const settle = (page: Page) => page.waitForTimeout(3200);

test('exit_intent: after a click, the pointer leaving fast through the top gives an exit_intent', async ({ page, site, collector }) => {
  await open(page, site.url, 'reading.html');
  // The pointer waits in the empty margin, so resting there is no hesitation on a section.
  await page.mouse.click(1100, 500);
  await settle(page);
  for (const y of [300, 120, 30]) await page.mouse.move(1110, y);
  await page.mouse.move(1120, -5);
  const signals = await outcome(page, collector, { expected: ['exit_intent'] });
  expect(signals).toEqual([{ signal: 'exit_intent', target: 'page', count: 1 }]);
});

test('exit_intent: after scrolling, a quick upward flick of the pointer out of the window gives one exit_intent', async ({
  page,
  site,
  collector,
}) => {
  await open(page, site.url, 'reading.html');
  await page.mouse.move(1100, 600);
  await page.mouse.wheel(0, 900);
  await settle(page);
  await page.mouse.move(1120, 200);
  await page.mouse.move(1130, -20);
  await page.mouse.move(1130, 300);
  await page.mouse.move(1130, -20);
  const signals = await outcome(page, collector, { expected: ['exit_intent'] });
  expect(signals.map((s) => s.signal)).toEqual(['exit_intent']);
});

test('the pointer leaving through the top in the first second gives no exit_intent', async ({ page, site, collector }) => {
  await page.goto(`${site.url}/e2e/signals/reading.html`);
  await page.mouse.move(600, 300);
  await page.mouse.move(610, 100);
  await page.mouse.move(620, -5);
  await page.waitForFunction(() => (window as unknown as { attune?: { ready?: unknown } }).attune?.ready);
  await outcome(page, collector, { expected: [], quietMs: 1000 });
});

test('after a click, the pointer moving at an ordinary pace to the tab strip gives no exit_intent', async ({ page, site, collector }) => {
  await open(page, site.url, 'reading.html');
  await page.mouse.click(1100, 500);
  await settle(page);
  for (let y = 480; y >= -5; y -= 8) {
    await page.mouse.move(1100, y);
    await page.waitForTimeout(40);
  }
  await outcome(page, collector, { expected: [], quietMs: 1000 });
});

test('the pointer leaving through the left edge gives no exit_intent', async ({ page, site, collector }) => {
  await open(page, site.url, 'reading.html');
  await page.mouse.move(1100, 400);
  await settle(page);
  await page.mouse.move(200, 380);
  await page.mouse.move(-5, 360);
  await outcome(page, collector, { expected: [], quietMs: 1000 });
});
