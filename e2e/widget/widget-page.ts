import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { expect, flush, rapidClicks } from '../fixtures';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

type StoredEvent = Record<string, unknown> & { id: string; type: string };
interface Collected {
  events(type?: string): Promise<StoredEvent[]>;
}

/** Opens a widget fixture page and waits until Attune has loaded its rules and started its detectors. */
export const openFixture = async (page: Page, url: string) => {
  await page.goto(url);
  await page.waitForFunction(() => typeof (window as unknown as { attune?: { ready?: unknown } }).attune?.ready === 'object');
  await page.evaluate(() => (window as unknown as { attune: { ready: Promise<void> } }).attune.ready);
};

/** A rage-click burst (four quick real clicks) on the element labelled `data-attune="<label>"`. */
export const rageClick = (page: Page, label: string) => rapidClicks(page, page.locator(`[data-attune="${label}"]`), 4);

/** The shadow host the widget appends to `<body>`. */
export const host = (page: Page) => page.locator('[data-attune-ui]');

/** The card: a labelled non-modal dialog inside the shadow root. */
export const card = (page: Page) => host(page).locator('[role=dialog]');

/** Accessible-ish name of the element focused inside the card, or `null` when focus is outside it. */
export const focusedInCard = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('[data-attune-ui]')?.shadowRoot;
    const el = root?.activeElement as HTMLElement | null | undefined;
    if (!el) return null;
    return (el.getAttribute('aria-label') || el.textContent || el.tagName).trim();
  });

/** What the page itself has focused (outside the card), as `#id` or a tag name. */
export const focusedOnPage = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? (el.id ? `#${el.id}` : el.tagName.toLowerCase()) : null;
  });

/** Presses Tab until focus enters the card; returns the name of the first element focused there. */
export const tabIntoCard = async (page: Page, max = 25) => {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focusedInCard(page);
    if (now) return now;
  }
  throw new Error('Tab never reached the card');
};

/** Presses `key` until the focused element inside the card has a name matching `name` (at most `max` presses). */
export const pressUntilFocused = async (page: Page, key: string, name: RegExp, max = 25) => {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const now = await focusedInCard(page);
    if (now && name.test(now)) return now;
  }
  throw new Error(`${key} never reached ${name} in the card (last: ${await focusedInCard(page)})`);
};

/**
 * Runs axe-core on the card's shadow host. Returns its violations (id, impact, targets) and how many
 * elements inside the card axe checked for colour contrast, so a run that saw nothing cannot pass.
 */
export const axeOnCard = async (page: Page) => {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    type Result = { id: string; impact: string; help: string; nodes: { target: unknown; failureSummary?: string }[] };
    const axe = (window as unknown as { axe: { run(ctx: Element, opts: object): Promise<{ violations: Result[]; passes: Result[] }> } })
      .axe;
    const result = await axe.run(document.querySelector('[data-attune-ui]')!, { resultTypes: ['violations', 'passes'] });
    return {
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target, why: n.failureSummary })),
      })),
      contrastChecked: result.passes.find((p) => p.id === 'color-contrast')?.nodes.length ?? 0,
    };
  });
};

/** Flushes the page's queue and polls the collector until `type` events satisfy `count`. */
export const collected = async (page: Page, collector: Collected, type: string, count = 1) => {
  await expect
    .poll(async () => {
      await flush(page);
      return (await collector.events(type)).length;
    })
    .toBeGreaterThanOrEqual(count);
  return collector.events(type);
};

/** The plans fixture page (English, consent granted for every purpose). */
export const PLANS = '/e2e/widget/page.html';
/** The same rules on an Arabic, right-to-left page with `data-locale="ar"`. */
export const PLANS_AR = '/e2e/widget/rtl.html';
/** A sign-up form whose email field fails validation when submitted empty. */
export const SIGNUP = '/e2e/widget/form.html';

/** Rage-clicks the element labelled `label` and waits for the card the rule decides. */
export const showCard = async (page: Page, label: string) => {
  await rageClick(page, label);
  await expect(card(page)).toBeVisible();
  return card(page);
};

/**
 * Measures the card against every interactive element in view: the ones it covers (with the
 * area covered), its own box, and whether the viewport has any place of the card's size, on an
 * 8 px grid, that covers none of them (and not the `anchor` element either).
 */
export const cardOverControls = (page: Page, anchor?: string) =>
  page.evaluate((anchorSelector) => {
    const box = (r: DOMRect) => ({ x: r.left, y: r.top, w: r.width, h: r.height });
    const card = box(document.querySelector('[data-attune-ui]')!.shadowRoot!.querySelector('[role=dialog]')!.getBoundingClientRect());
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const controls = [
      ...document.querySelectorAll('a[href],button,input:not([type=hidden]),select,textarea,summary,[tabindex]:not([tabindex="-1"])'),
    ]
      .map((el) => ({ name: el.id || (el.textContent ?? '').trim().slice(0, 40) || el.tagName, ...box(el.getBoundingClientRect()) }))
      .filter((c) => c.w > 0 && c.h > 0 && c.x < vw && c.y < vh && c.x + c.w > 0 && c.y + c.h > 0);
    const area = (a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }) =>
      Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
    const covered = controls.map((c) => ({ name: c.name, area: Math.round(area(card, c)) })).filter((c) => c.area > 0);
    const anchorBox = anchorSelector ? box(document.querySelector(anchorSelector)!.getBoundingClientRect()) : null;
    const blockers = anchorBox ? [...controls, anchorBox] : controls;
    let free = false;
    for (let y = 0; !free && y + card.h <= vh; y += 8) {
      for (let x = 0; !free && x + card.w <= vw; x += 8) {
        const spot = { x, y, w: card.w, h: card.h };
        free = blockers.every((b) => area(spot, b) === 0);
      }
    }
    // The empty space between card and anchor (0 when they touch).
    const gap = anchorBox
      ? Math.hypot(
          Math.max(0, anchorBox.x - card.x - card.w, card.x - anchorBox.x - anchorBox.w),
          Math.max(0, anchorBox.y - card.y - card.h, card.y - anchorBox.y - anchorBox.h),
        )
      : null;
    return { card, covered, free, anchor: anchorBox && Math.round(area(card, anchorBox)), gap, viewport: { width: vw, height: vh } };
  }, anchor);
