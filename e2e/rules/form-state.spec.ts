// Rules can test the form.state and form.errors facts, and the intents fact lists the rules
// file's intents that hold: a rule on all three, with real typing in Chromium, at the collector.
import { test, expect, mouseClick, flush } from '../fixtures';

const open = async (page: import('@playwright/test').Page, siteUrl: string) => {
  await page.goto(`${siteUrl}/e2e/form-state/signup.html`);
  await page.waitForFunction(() => (window as unknown as { attune?: { ready?: Promise<void> } }).attune?.ready);
  await page.evaluate(() => (window as unknown as { attune: { ready: Promise<void> } }).attune.ready);
};

test('a submit with two fields failing puts the form in errors with two errors, and the rule on it shows help', async ({
  page,
  site,
  collector,
}) => {
  await open(page, site.url);
  await mouseClick(page, page.locator('#email'));
  await page.keyboard.type('ada');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-attune-ui]')).toHaveCount(1);
  await expect
    .poll(async () => {
      await flush(page);
      return (await collector.events('shown')).map((e) => e.rule);
    })
    .toEqual(['form-errors-help']);
});

test('with one field failing the form has one error, and the rule that needs two stays quiet', async ({ page, site, collector }) => {
  await open(page, site.url);
  await mouseClick(page, page.locator('#email'));
  await page.keyboard.type('ada@example.org');
  await page.keyboard.press('Enter');
  await expect
    .poll(async () => {
      await flush(page);
      return (await collector.events('signal')).filter((e) => e.signal === 'form_error').map((e) => e.target);
    })
    .toEqual(['#company']);
  await page.waitForTimeout(1500);
  await flush(page);
  expect(await page.locator('[data-attune-ui]').count()).toBe(0);
  expect(await collector.events('shown')).toEqual([]);
});
