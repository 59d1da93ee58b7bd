// Web vitals in real Chromium: the lazy `attune-vitals.js` chunk measures LCP, CLS and INP for
// sampled page views and the collector stores them as `vital` events; a slow INP is also a
// `slow_interaction` signal. The visitor's input is real (page.mouse), and the vitals are
// reported the way they are in the field: when the page is hidden by navigating away.
import type { Page, Request } from '@playwright/test';
import { COMMON_FIELDS, EVENT_FIELDS } from '../../packages/core/dist/index.js';
import { test, expect, mouseClick } from '../fixtures';

const CHUNK = '/attune/attune-vitals.js';
const isChunk = (url: string) => new URL(url).pathname === CHUNK;
/** Web-vitals' rating bands: at most [0] is good, at most [1] needs improvement. */
const BANDS = { LCP: [2500, 4000], INP: [200, 500], CLS: [0.1, 0.25] } as const;
const rating = (name: keyof typeof BANDS, value: number) =>
  value > BANDS[name][1] ? 'poor' : value > BANDS[name][0] ? 'needs-improvement' : 'good';
/** What the collector adds to each stored event. */
const STORED = ['site', 'received'];
const VITAL_FIELDS = [...COMMON_FIELDS, ...EVENT_FIELDS.vital.fields];
const SEND = { timeout: 15_000, intervals: [250] };

type Vital = { name: keyof typeof BANDS; value: number; rating: string; purpose: string; path: string };

/** Opens a fixture and resolves once Attune has loaded the vitals chunk (or `null` if it never does). */
const open = async (page: Page, url: string) => {
  const chunk = page.waitForResponse((r) => isChunk(r.url()), { timeout: 10_000 }).catch(() => null);
  await page.goto(url);
  return chunk;
};

/** Hides the page the realistic way: the visitor goes to another page in the same tab. */
const leave = (page: Page, siteUrl: string) => page.goto(`${siteUrl}/e2e/script-tag/blank.html`);

test.describe('web vitals (data-vitals, lazy chunk)', () => {
  test('with data-vitals="1" and consent, LCP and the CLS of a late banner reach the collector as vital events on page hide, with sane values and wire fields only', async ({
    page,
    site,
    collector,
    requests,
  }) => {
    expect(await open(page, `${site.url}/e2e/vitals/on.html`)).not.toBeNull();
    // The late banner (no input before it) pushes the article down by its 220 px.
    await expect(page.locator('.late-banner')).toBeVisible();
    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(async () => (await heading.boundingBox())?.y ?? 0).toBeGreaterThan(200);

    await leave(page, site.url);

    await expect.poll(async () => (await collector.events('vital')).map((e) => e.name).sort(), SEND).toEqual(['CLS', 'LCP']);
    const vitals = (await collector.events('vital')) as unknown as Vital[];
    const lcp = vitals.find((v) => v.name === 'LCP')!;
    const cls = vitals.find((v) => v.name === 'CLS')!;
    // LCP: whole milliseconds, after navigation start and well within this local page's load.
    expect(Number.isInteger(lcp.value)).toBe(true);
    expect(lcp.value).toBeGreaterThan(0);
    expect(lcp.value).toBeLessThan(10_000);
    // CLS: one shift of most of the viewport by 220 of 800 px scores well above zero and below 1.
    expect(cls.value).toBeGreaterThan(0.05);
    expect(cls.value).toBeLessThan(1);
    expect(Math.round(cls.value * 10_000) / 10_000).toBe(cls.value);
    for (const vital of vitals) {
      expect(vital).toMatchObject({ purpose: 'measurement', path: '/e2e/vitals/on.html', rating: rating(vital.name, vital.value) });
      // The collector refuses batches with unknown fields; this checks the stored event itself too.
      expect(Object.keys(vital).filter((key) => ![...VITAL_FIELDS, ...STORED].includes(key))).toEqual([]);
    }
    expect(requests.filter((r) => isChunk(r.url))).toHaveLength(1);
  });

  test('a real click whose handler blocks the main thread ~300 ms is reported as an INP of at least 300 ms, and as one slow_interaction signal on its button', async ({
    page,
    site,
    collector,
  }) => {
    expect(await open(page, `${site.url}/e2e/vitals/on.html`)).not.toBeNull();
    await expect(page.locator('.late-banner')).toBeVisible();
    const button = page.getByRole('button', { name: 'Recalculate totals' });
    await mouseClick(page, button);
    await expect(page.locator('#total')).toHaveText('Totals recalculated');

    // The slow-interaction signal is sent while the visitor is still on the page.
    await expect.poll(async () => (await collector.events('signal')).filter((e) => e.signal === 'slow_interaction').length, SEND).toBe(1);
    const [signal] = (await collector.events('signal')).filter((e) => e.signal === 'slow_interaction');
    expect(signal).toMatchObject({ target: 'recalculate', purpose: 'measurement', path: '/e2e/vitals/on.html' });
    expect(signal!.count).toBeGreaterThanOrEqual(300);

    await leave(page, site.url);
    await expect.poll(async () => (await collector.events('vital')).map((e) => e.name).sort(), SEND).toEqual(['CLS', 'INP', 'LCP']);
    const inp = ((await collector.events('vital')) as unknown as Vital[]).find((v) => v.name === 'INP')!;
    // Input to next paint: the 300 ms of blocking plus the frame; a whole number of milliseconds.
    expect(inp.value).toBeGreaterThanOrEqual(300);
    expect(inp.value).toBeLessThan(5_000);
    expect(Number.isInteger(inp.value)).toBe(true);
    expect(inp).toMatchObject({ purpose: 'measurement', rating: rating('INP', inp.value) });
    // Still one signal: the INP observer reports the worst interaction once.
    expect((await collector.events('signal')).filter((e) => e.signal === 'slow_interaction')).toHaveLength(1);
  });

  test("an interaction slower than the slow detector's own threshold (500 ms) is one slow_interaction signal, not one from each observer", async ({
    page,
    site,
    collector,
  }) => {
    expect(await open(page, `${site.url}/e2e/vitals/on.html`)).not.toBeNull();
    // Click once the late banner has moved the button.
    await expect(page.locator('.late-banner')).toBeVisible();
    await mouseClick(page, page.getByRole('button', { name: 'Export report' }));
    await expect(page.locator('#total')).toHaveText('Report exported');
    await expect.poll(async () => (await collector.events('signal')).filter((e) => e.signal === 'slow_interaction').length, SEND).toBe(1);
    // Everything the page held has gone out once its INP has: then count again.
    await leave(page, site.url);
    await expect.poll(async () => (await collector.events('vital')).some((e) => e.name === 'INP'), SEND).toBe(true);
    const slow = (await collector.events('signal')).filter((e) => e.signal === 'slow_interaction');
    expect(slow).toHaveLength(1);
    expect(slow[0]).toMatchObject({ target: 'export' });
    expect(slow[0]!.count).toBeGreaterThan(500);
  });

  test('the vitals chunk is requested only once the page has loaded, even when a slow image holds back `load`', async ({ page, site }) => {
    const requested: Request[] = [];
    page.on('request', (r) => isChunk(r.url()) && requested.push(r));
    // The badge image answers after 1.5 s, so `load` comes long after the page is otherwise idle.
    await page.route('**/e2e/vitals/badge.png', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    expect(await open(page, `${site.url}/e2e/vitals/on.html`)).not.toBeNull();
    const timing = await page.evaluate((chunk) => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const entry = performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname === chunk)!;
      const badge = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/badge.png'))!;
      return { load: nav.loadEventStart, chunk: entry.startTime, badge: badge.responseEnd };
    }, CHUNK);
    expect(timing.badge).toBeGreaterThan(1400);
    expect(timing.load).toBeGreaterThanOrEqual(timing.badge);
    expect(timing.chunk).toBeGreaterThanOrEqual(timing.load);
    expect(requested).toHaveLength(1);
  });

  for (const variant of ['off', 'absent'] as const) {
    const described = variant === 'off' ? 'data-vitals="0"' : 'no data-vitals attribute';
    test(`with ${described}, the vitals chunk is never requested and no vital is stored, though other events arrive`, async ({
      page,
      site,
      collector,
      requests,
    }) => {
      expect(await open(page, `${site.url}/e2e/vitals/${variant}.html`)).toBeNull();
      await expect(page.locator('.late-banner')).toBeVisible();
      await mouseClick(page, page.getByRole('button', { name: 'Recalculate totals' }));
      await expect(page.locator('#total')).toHaveText('Totals recalculated');
      await mouseClick(page, page.getByRole('button', { name: 'Book a demo' }));
      await leave(page, site.url);

      // The conversion went out through the same pipe, so the page did send what it had.
      await expect.poll(async () => (await collector.events('conversion')).map((e) => e.goal), SEND).toEqual(['demo_booked']);
      expect(await collector.events('vital')).toEqual([]);
      expect(requests.filter((r) => isChunk(r.url))).toEqual([]);
    });
  }
});
