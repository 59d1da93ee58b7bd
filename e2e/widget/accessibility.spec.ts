import type { Page } from '@playwright/test';
import { test, expect, mouseClick } from '../fixtures';
import {
  PLANS,
  axeOnCard,
  card,
  collected,
  focusedInCard,
  focusedOnPage,
  host,
  openFixture,
  pressUntilFocused,
  rageClick,
  showCard,
  tabIntoCard,
} from './widget-page';

const expectNoViolations = async (page: Page) => {
  const { violations, contrastChecked } = await axeOnCard(page);
  expect(violations).toEqual([]);
  // axe reached into the open shadow root: title, body, buttons and links were checked.
  expect(contrastChecked).toBeGreaterThanOrEqual(5);
};

// One trigger per kind of card: rage clicks on the labelled tile fire the rule behind it.
const CARDS = [
  { kind: 'help card', label: 'pricing', title: 'Comparing plans?' },
  { kind: 'question', label: 'plans', title: 'What describes you best?' },
  { kind: 'handoff card', label: 'contact', title: 'Want to talk it through?' },
] as const;

for (const { kind, label, title } of CARDS) {
  test(`the ${kind} has no axe-core violations in light and dark, with its explanation open`, async ({ page, site, collector }) => {
    await openFixture(page, site.url + PLANS);
    const aside = await showCard(page, label);
    await expect(host(page).getByRole('dialog', { name: title })).toBeVisible();
    await expectNoViolations(page);

    await mouseClick(page, aside.getByRole('button', { name: 'Why am I seeing this?' }));
    await expect(aside.locator('#attune-why')).toBeVisible();
    await expectNoViolations(page);

    await page.emulateMedia({ colorScheme: 'dark' });
    // The card follows prefers-color-scheme: its background really changed before axe looks again.
    await expect.poll(() => aside.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(29, 32, 38)');
    await expectNoViolations(page);
    await collected(page, collector, 'shown');
  });
}

test('keyboard only: reach the help card, open "Why am I seeing this?", follow a link to another origin in a new tab, rate it, and close it with Escape', async ({
  page,
  site,
  collector,
  context,
}) => {
  // The other origin answers locally: nothing leaves the machine.
  await context.route('https://billing.example/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Billing FAQ</title>' }),
  );
  await openFixture(page, site.url + PLANS);
  await showCard(page, 'pricing');
  // The card arrived without taking focus from the tile the visitor used.
  await expect.poll(() => focusedInCard(page)).toBeNull();
  expect(await focusedOnPage(page)).toBe('button');

  // Tab order runs from the page into the card, × first.
  expect(await tabIntoCard(page)).toBe('Dismiss');
  await pressUntilFocused(page, 'Tab', /^Why am I seeing this\?$/);
  await page.keyboard.press('Enter');
  await expect(card(page).getByRole('button', { name: 'Why am I seeing this?' })).toHaveAttribute('aria-expanded', 'true');
  await expect(card(page).locator('#attune-why')).toContainText('You clicked the pricing table several times in a row.');

  // A same-origin link opens in place; a link to another origin opens a new tab with rel=noopener.
  const same = card(page).getByRole('link', { name: 'Plan comparison' });
  expect([await same.getAttribute('target'), await same.getAttribute('rel')]).toEqual([null, null]);
  const other = card(page).getByRole('link', { name: /^Billing FAQ/ });
  expect([await other.getAttribute('target'), await other.getAttribute('rel')]).toEqual(['_blank', 'noopener']);
  await pressUntilFocused(page, 'Shift+Tab', /^Billing FAQ/);
  const [billing] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('Enter')]);
  await billing.waitForLoadState();
  expect(billing.url()).toBe('https://billing.example/faq');
  // noopener: the new tab has no handle on this page.
  expect(await billing.evaluate(() => window.opener)).toBeNull();
  await billing.close();
  expect(new URL(page.url()).pathname).toBe('/e2e/widget/page.html');

  await pressUntilFocused(page, 'Tab', /^Yes$/);
  await page.keyboard.press('Enter');
  await expect(card(page)).toContainText('Thanks for telling us.');
  // The pressed button is gone; keyboard focus stays in the card rather than falling to <body>.
  await expect.poll(() => focusedInCard(page)).toBe('Thanks for telling us.');

  await page.keyboard.press('Escape');
  await expect(host(page)).toHaveCount(0);
  // Focus goes back to the page, not to <body>.
  expect(await focusedOnPage(page)).not.toBe('body');

  const engaged = await collected(page, collector, 'engaged', 3);
  expect(engaged.map((e) => [e.rule, e.action])).toEqual([
    ['pricing-help', 'why'],
    ['pricing-help', 'link'],
    ['pricing-help', 'helpful_yes'],
  ]);
  const dismissed = await collected(page, collector, 'dismissed');
  expect(dismissed.map((e) => [e.rule, e.kind])).toEqual([['pricing-help', 'escape']]);
});

test('keyboard only: answer the question with roving focus (one Tab stop, arrows move and choose, Space picks) and Enter on Send', async ({
  page,
  site,
  collector,
}) => {
  await openFixture(page, site.url + PLANS);
  const aside = await showCard(page, 'plans');
  await pressUntilFocused(page, 'Tab', /^Developer$/);
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => focusedInCard(page)).toBe('Marketer');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => focusedInCard(page)).toBe('Founder');
  // Wraps around both ways.
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => focusedInCard(page)).toBe('Developer');
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => focusedInCard(page)).toBe('Founder');
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => focusedInCard(page)).toBe('Marketer');
  await page.keyboard.press('Space');
  await expect(aside.getByRole('radio', { name: 'Marketer' })).toHaveAttribute('aria-checked', 'true');
  await expect(aside.getByRole('radio', { checked: true })).toHaveCount(1);

  // The group is one Tab stop: the next Tab leaves it for Send.
  await page.keyboard.press('Tab');
  await expect.poll(() => focusedInCard(page)).toBe('Send');
  // Shift+Tab comes back to the checked choice, not the first one.
  await page.keyboard.press('Shift+Tab');
  await expect.poll(() => focusedInCard(page)).toBe('Marketer');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(host(page)).toHaveCount(0);

  const answered = await collected(page, collector, 'answered');
  expect(answered).toHaveLength(1);
  expect(answered[0]).toMatchObject({ rule: 'role-question', field: 'role', answer: 'marketer', purpose: 'profiling' });
});

test('keyboard only: reach "Talk to a person" on the handoff card, open the handoff with Enter, then close the card with Escape', async ({
  page,
  site,
  collector,
  context,
}) => {
  await openFixture(page, site.url + PLANS);
  await showCard(page, 'contact');
  await pressUntilFocused(page, 'Tab', /^Talk to a person/);
  const [support] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('Enter')]);
  await support.waitForLoadState();
  const url = new URL(support.url());
  expect(url.pathname).toBe('/e2e/widget/support.html');
  expect(url.searchParams.get('page')).toBe('/e2e/widget/page.html');
  expect(url.searchParams.get('intent')).toBe('stuck_on_an_element');
  await support.close();

  // Back on the page, Shift+Tab and Tab still move within the card, and Escape closes it.
  await page.bringToFront();
  await pressUntilFocused(page, 'Shift+Tab', /^Dismiss$/);
  await page.keyboard.press('Escape');
  await expect(host(page)).toHaveCount(0);

  const handoff = await collected(page, collector, 'handoff');
  expect(handoff.map((e) => [e.rule, e.intent, e.reason])).toEqual([['talk-to-us', 'stuck_on_an_element', 'visitor_asked']]);
  const dismissed = await collected(page, collector, 'dismissed');
  expect(dismissed.map((e) => [e.rule, e.kind])).toEqual([['talk-to-us', 'escape']]);
});

test('the card never takes focus from a visitor who is typing: every keystroke lands in the field while it appears, and it does not cover the field', async ({
  page,
  site,
  requests,
}) => {
  const CANARY = 'Canary-W1dg3t-typed';
  await openFixture(page, site.url + PLANS);
  const field = page.locator('#note');
  await mouseClick(page, field);
  await page.keyboard.type('Started ');
  // Struggle elsewhere with the mouse, then straight back to the field.
  await rageClick(page, 'pricing');
  await mouseClick(page, field);
  const rest = `while the card appears ${CANARY} and keeps going after it has appeared`;
  // Typing and the card's arrival overlap: the burst is reported ~1 s after the last click.
  await Promise.all([page.keyboard.type(rest, { delay: 45 }), expect(card(page)).toBeVisible({ timeout: 15_000 })]);
  await page.keyboard.type(' done');
  await expect(card(page)).toBeVisible();

  await expect(field).toHaveValue(`Started ${rest} done`);
  expect(await focusedOnPage(page)).toBe('#note');
  await expect.poll(() => focusedInCard(page)).toBeNull();
  const a = (await card(page).boundingBox())!;
  const b = (await field.boundingBox())!;
  const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  expect(overlap).toBe(false);
  for (const { url, body } of requests) expect(url + body).not.toContain(CANARY);
});

test('the card appearing causes no layout shift (every layout-shift entry after the trigger sums to 0)', async ({ page, site }) => {
  await openFixture(page, site.url + PLANS);
  const start = await page.evaluate(() => {
    const w = window as unknown as { shifts: { value: number; at: number; recent: boolean }[] };
    w.shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; startTime: number; hadRecentInput: boolean }[]) {
        w.shifts.push({ value: e.value, at: e.startTime, recent: e.hadRecentInput });
      }
    }).observe({ type: 'layout-shift', buffered: true });
    return performance.now();
  });
  await showCard(page, 'pricing');
  // Let the card settle: measured placement, entrance animation, a few frames.
  await page.waitForTimeout(800);
  const shifts = await page.evaluate(
    (t0) => (window as unknown as { shifts: { value: number; at: number; recent: boolean }[] }).shifts.filter((s) => s.at >= t0),
    start,
  );
  // Counted with or without recent input: the card shows up within moments of the clicks that caused it.
  expect(shifts.reduce((sum, s) => sum + s.value, 0)).toBe(0);
});
