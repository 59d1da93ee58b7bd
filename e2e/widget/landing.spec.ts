import type { Page } from '@playwright/test';
import { test, expect, mouseClick, rapidClicks } from '../fixtures';
import { axeOnCard, card, cardOverControls, collected, focusedInCard, host, openFixture, pressUntilFocused } from './widget-page';

/** What the page has focused: the `data-attune` label around it and its text. */
const pageFocus = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el === document.body || !el
      ? 'body'
      : `${el.closest('[data-attune]:not([data-attune=pricing])')?.getAttribute('data-attune')}:${(el.textContent ?? '').trim()}`;
  });

/** Whether focus is on the card itself (the dialog element), inside its shadow root. */
const dialogFocused = (page: Page) =>
  page.evaluate(() => document.querySelector('[data-attune-ui]')?.shadowRoot?.activeElement?.getAttribute('role') === 'dialog');

/** The example landing page with consent given on its own banner, scrolled to the pricing table with the mouse wheel. */
const openPricing = async (page: Page, url: string) => {
  await openFixture(page, url);
  await mouseClick(page, page.getByRole('button', { name: 'Allow' }));
  await page.mouse.move(200, 300);
  await page.mouse.wheel(0, await page.evaluate(() => document.getElementById('pricing')!.getBoundingClientRect().top));
  await expect
    .poll(() => page.evaluate(() => Math.round(document.getElementById('pricing')!.getBoundingClientRect().top)))
    .toBeLessThanOrEqual(8);
};

test('keyboard only after a struggle in the pricing table: the card is announced, Alt+Shift+H and the skip link reach it, #faq opens in place, Escape returns focus', async ({
  page,
  site,
  collector,
  context,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openPricing(page, site.url + '/');
  // Rage clicks on the Team plan's price (text, not a control), then the keyboard takes over:
  // Tab goes on from where the clicks were, to the plan's "Start trial".
  await rapidClicks(page, page.locator('[data-attune="plan-team"] .price'), 4);
  await page.keyboard.press('Tab');
  expect(await pageFocus(page)).toBe('plan-team:Start trial');

  await expect(card(page)).toBeVisible();
  // Announced politely, with the keys that reach it; focus stays where the visitor is.
  await expect(host(page).locator('[aria-live=polite]')).toHaveText('A tip is shown: Comparing plans? — press Alt+Shift+H to go to it.');
  expect(await focusedInCard(page)).toBeNull();
  expect(await pageFocus(page)).toBe('plan-team:Start trial');

  // Beside the plan the visitor struggled with, covering no control in view and not the plan itself.
  await page.waitForTimeout(400);
  const placed = await cardOverControls(page, '[data-attune="plan-team"]');
  expect(placed.free).toBe(true);
  expect(placed.covered).toEqual([]);
  expect(placed.anchor).toBe(0);
  expect(placed.gap).toBeLessThanOrEqual(16);
  await page.screenshot({ path: 'test-results/widget-landing-help-1280x800.png' });
  const { violations } = await axeOnCard(page);
  expect(violations).toEqual([]);

  // Alt+Shift+H moves focus onto the card, and the same keys take it back.
  await page.keyboard.press('Alt+Shift+KeyH');
  await expect.poll(() => dialogFocused(page)).toBe(true);
  await page.keyboard.press('Alt+Shift+KeyH');
  await expect.poll(() => pageFocus(page)).toBe('plan-team:Start trial');

  // The next Tab stop is the skip link, shown while it has focus; Enter moves focus onto the card.
  await page.keyboard.press('Tab');
  const skip = page.locator('[data-attune-ignore] >> a');
  await expect(skip).toBeFocused();
  await expect(skip).toHaveText('Go to the tip (Alt+Shift+H)');
  expect(await skip.evaluate((a) => getComputedStyle(a).clipPath)).toBe('none');
  await page.keyboard.press('Enter');
  await expect.poll(() => dialogFocused(page)).toBe(true);

  // A same-page link navigates in place: no new tab, the card stays (Chrome moves focus to <body> on a fragment navigation).
  await pressUntilFocused(page, 'Tab', /^Which plan is right for me\?/);
  expect(await card(page).getByRole('link', { name: 'Which plan is right for me?' }).getAttribute('target')).toBeNull();
  await page.keyboard.press('Enter');
  await expect.poll(() => new URL(page.url()).hash).toBe('#faq');
  expect(context.pages()).toHaveLength(1);
  await expect(card(page)).toBeVisible();

  // Back onto the card with the keys, then Escape closes it and gives focus back to where the visitor was.
  await page.keyboard.press('Alt+Shift+KeyH');
  await expect.poll(() => dialogFocused(page)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(host(page)).toHaveCount(0);
  expect(await pageFocus(page)).toBe('plan-team:Start trial');
  await expect(page.locator('[data-attune-ignore]')).toHaveCount(0);

  const dismissed = await collected(page, collector, 'dismissed');
  expect(dismissed.map((e) => [e.rule, e.kind])).toEqual([['pricing-confusion', 'escape']]);
  const engaged = await collected(page, collector, 'engaged');
  expect(engaged.map((e) => [e.rule, e.action])).toEqual([['pricing-confusion', 'link']]);
  const decisions = await collected(page, collector, 'decision');
  expect(decisions[0]).toMatchObject({ rule: 'pricing-confusion', evidence: [{ signal: 'rage_click', target: 'pricing/plan-team' }] });
});

test('on a 375×667 phone the help card is a sheet beside the pricing table that covers no control when there is room', async ({
  page,
  site,
}) => {
  await page.setViewportSize({ width: 375, height: 667 });
  await openPricing(page, site.url + '/');
  await rapidClicks(page, page.locator('[data-attune="plan-starter"] .price'), 4);
  await expect(card(page)).toBeVisible();
  await page.waitForTimeout(400);
  const placed = await cardOverControls(page, '[data-attune="plan-starter"]');
  // Full width, along an edge.
  expect(placed.card.w).toBe(375);
  expect(placed.card.y === 0 || Math.round(placed.card.y + placed.card.h) === 667).toBe(true);
  if (placed.free) expect(placed.covered).toEqual([]);
  await page.screenshot({ path: 'test-results/widget-landing-help-375x667.png' });
});
