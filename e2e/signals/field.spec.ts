// Field-grade detection: the false positives and misses seen on real pages, each on a minimal page.
import { mouseClick } from '../fixtures';
import { expect, open, outcome, test } from './scenario';
import type { Page } from '@playwright/test';

test.describe.configure({ mode: 'parallel' });

const at = (page: Page, id: string) => page.locator(`#${id}`);
// Long enough for a dead-click wait (2.5 s) to run out.
const QUIET = 3000;

test('dead: a placeholder href="#" link that does nothing gives a dead_click', async ({ page, site, collector }) => {
  await open(page, site.url, 'field.html');
  await mouseClick(page, at(page, 'learn'));
  const signals = await outcome(page, collector, { expected: ['dead_click'] });
  expect(signals).toEqual([{ signal: 'dead_click', target: '#learn', count: 1 }]);
});

test('dead: a button with a hover transition, left right after the click, gives a dead_click', async ({ page, site, collector }) => {
  await open(page, site.url, 'field.html');
  await mouseClick(page, at(page, 'compare'));
  await page.mouse.move(5, 5, { steps: 4 });
  const signals = await outcome(page, collector, { expected: ['dead_click'] });
  expect(signals).toEqual([{ signal: 'dead_click', target: '#compare', count: 1 }]);
});

test('dead: a button clicked while a slideshow and a far counter change by themselves gives a dead_click', async ({
  page,
  site,
  collector,
}) => {
  await open(page, site.url, 'field.html');
  // Just after the counter's tick, so its next one (1 s later) is not at once after the click.
  const ticks = await page.evaluate(() => (window as unknown as { ticks: number }).ticks);
  await page.waitForFunction((n) => (window as unknown as { ticks: number }).ticks > n, ticks);
  await mouseClick(page, at(page, 'wish'));
  const signals = await outcome(page, collector, { expected: ['dead_click'] });
  expect(signals).toEqual([{ signal: 'dead_click', target: '#wish', count: 1 }]);
  expect(await page.evaluate(() => (window as unknown as { ticks: number }).ticks)).toBeGreaterThan(ticks + 2);
});

test('a stepper that sets the field value from script (no event, no DOM change) gives no dead_click', async ({ page, site, collector }) => {
  await open(page, site.url, 'field.html');
  await mouseClick(page, at(page, 'more'));
  await expect(at(page, 'qty')).toHaveValue('2');
  await outcome(page, collector, { expected: [], quietMs: QUIET });
});

test('a menu button that only sets aria-expanded gives no dead_click', async ({ page, site, collector }) => {
  await open(page, site.url, 'field.html');
  await mouseClick(page, at(page, 'menu'));
  await outcome(page, collector, { expected: [], quietMs: QUIET });
});

test('disabled: presses on a disabled button and link under pointer-events: none give a disabled_click on each', async ({
  page,
  site,
  collector,
}) => {
  await open(page, site.url, 'field.html');
  await mouseClick(page, at(page, 'pay'));
  await mouseClick(page, at(page, 'next'));
  await expect(page).toHaveURL(/field\.html$/);
  const signals = await outcome(page, collector, { expected: ['disabled_click'] });
  expect(signals.map((s) => s.target).sort()).toEqual(['#next', '#pay']);
});

test('form_error: a validation script that asks 11 empty required fields gives 11 form_errors, one per field, none on the form', async ({
  page,
  site,
  collector,
}) => {
  await open(page, site.url, 'field-form.html');
  await mouseClick(page, at(page, 'billing-go'));
  await expect.poll(async () => (await collector.events('signal')).length, { timeout: 8000 }).toBeGreaterThanOrEqual(11);
  const signals = await outcome(page, collector, { expected: ['form_error'] });
  expect(signals.map((s) => s.target).sort()).toEqual(Array.from({ length: 11 }, (_, i) => `#a${i + 1}`).sort());
});

test("form_error: a validation script that cancels the submit button's click gives a form_error on the form", async ({
  page,
  site,
  collector,
}) => {
  await open(page, site.url, 'field-form.html');
  await mouseClick(page, at(page, 'quote-go'));
  await expect(at(page, 'quote-error')).toBeVisible();
  const signals = await outcome(page, collector, { expected: ['form_error'] });
  expect(signals).toEqual([{ signal: 'form_error', target: '#quote', count: 1 }]);
});

test('a form handled by script that succeeds without a request (fields disabled, thank-you shown) gives no form_error', async ({
  page,
  site,
  collector,
}) => {
  await open(page, site.url, 'field-form.html');
  await mouseClick(page, at(page, 'join-email'));
  await page.keyboard.type('ann@example.com');
  await mouseClick(page, at(page, 'join-name'));
  await page.keyboard.type('Ann');
  await mouseClick(page, at(page, 'join-go'));
  await expect(at(page, 'thanks')).toBeVisible();
  await outcome(page, collector, { expected: [], quietMs: 1500 });
});

test('a search form typed in and left by picking a result gives no form_abandon', async ({ page, site, collector }) => {
  await open(page, site.url, 'field-form.html');
  await mouseClick(page, at(page, 'q'));
  await page.keyboard.type('returns');
  await mouseClick(page, at(page, 'hit'));
  await expect(page).toHaveURL(/other\.html$/);
  await page.evaluate(() => (window as unknown as { attune: { ready: Promise<void> } }).attune.ready);
  await outcome(page, collector, { expected: [], quietMs: 1000 });
});

test('back_forth: a coupon applied twice (the form reloading the same path), then Continue, gives no back_forth', async ({
  page,
  site,
  collector,
}) => {
  await open(page, site.url, 'field-form.html');
  for (const code of ['SPRING', 'SPRING10']) {
    await mouseClick(page, at(page, 'code'));
    await page.keyboard.type(code);
    await mouseClick(page, at(page, 'apply'));
    await expect(page).toHaveURL(new RegExp(`code=${code}$`));
    await page.evaluate(() => (window as unknown as { attune: { ready: Promise<void> } }).attune.ready);
  }
  await mouseClick(page, at(page, 'continue'));
  await expect(page).toHaveURL(/other\.html$/);
  await page.evaluate(() => (window as unknown as { attune: { ready: Promise<void> } }).attune.ready);
  await outcome(page, collector, { expected: [], quietMs: 1000 });
});
