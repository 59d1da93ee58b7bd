import { expect, test } from '@playwright/test';
import { createMemoryStore, startCollector } from '../../packages/collector/dist/index.js';
import { REPORT_EXPECTED, REPORT_SITE, REPORT_START, reportBatches, reportEvents } from '../../packages/collector/test/report-fixtures';

type Running = Awaited<ReturnType<typeof startCollector>>;
let collector: Running;

/** Shadow decisions of `exit-offer` that its caps would have blocked, as devices send them: on pricing, by guardrail. */
const BLOCKED = { session_cap: 30, min_gap: 24, quiet_page: 6 } as const;
const blockedShadowEvents = (): Record<string, unknown>[] =>
  Object.entries(BLOCKED).flatMap(([guard, visitors], g) =>
    Array.from({ length: visitors }, (_, n) => {
      const ts = REPORT_START + (g * 40 + n) * 3_600_000;
      const c = g * 100 + n;
      return {
        id: `${ts
          .toString(16)
          .padStart(12, '0')
          .replace(
            /^(.{8})(.{4})$/,
            '$1-$2',
          )}-7b${c.toString(16).padStart(2, '0')}-b000-${(0xb10c0000 + c).toString(16).padStart(12, '0')}`,
        type: 'decision',
        purpose: 'help',
        ts,
        path: '/pricing',
        vid: `blk_${String.fromCharCode(97 + g)}${String.fromCharCode(97 + Math.floor(n / 26))}${String.fromCharCode(97 + (n % 26))}a`,
        device: 'desktop',
        referrer: 'search',
        rule: 'exit-offer',
        shadow: true,
        blocked: guard,
      };
    }),
  );
const blockedTotal = Object.values(BLOCKED).reduce((a, b) => a + b, 0);

// One collector for the file, seeded once through POST /collect with the generated data set.
test.beforeAll(async () => {
  collector = await startCollector({ port: 0, store: createMemoryStore(), rateLimit: false, report: { goal: REPORT_EXPECTED.goal } });
  const events = [...reportEvents(), ...blockedShadowEvents()];
  let accepted = 0;
  for (const batch of reportBatches(events)) {
    const res = await fetch(`${collector.url}/collect`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(batch),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    accepted += ((await res.json()) as { accepted: number }).accepted;
  }
  expect(accepted).toBe(events.length);
});
test.afterAll(async () => {
  await collector?.close();
});

test.describe('friction report', () => {
  test('shows the seeded rule funnel, the lift with its Newcombe interval, and hides small cells', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const response = await page.goto(`${collector.url}/report?site=${REPORT_SITE}`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");

    const p = REPORT_EXPECTED.pricingHelp;
    const pricing = page.locator('article[data-rule="pricing-help"]');
    const figure = (rule: typeof pricing, name: string) =>
      rule.locator('dl.figures > div', { has: page.locator('dt', { hasText: new RegExp(`^${name}$`) }) }).locator('dd');
    await expect(figure(pricing, 'Eligible')).toHaveText(String(p.treatment + p.holdout));
    await expect(figure(pricing, 'Held out')).toHaveText(String(p.holdout));
    await expect(figure(pricing, 'Shown')).toHaveText(String(p.shown));
    await expect(figure(pricing, 'Engaged')).toHaveText(String(p.engaged));
    await expect(figure(pricing, 'Dismissed')).toHaveText(String(p.dismissed));
    await expect(figure(pricing, 'Converted')).toHaveText(String(p.convertedTreatment));
    // 128/400 against 20/100: difference 0.12, Newcombe method 10 interval 0.0210 to 0.2017 (Wilson 0.2762–0.3672 and 0.1334–0.2888).
    await expect(pricing).toContainText('32.0%');
    await expect(pricing).toContainText('128 of 400');
    await expect(pricing).toContainText('95% CI 27.6% to 36.7%');
    await expect(pricing).toContainText('20 of 100');
    await expect(pricing).toContainText('95% CI 13.3% to 28.9%');
    await expect(pricing.locator('p.lift')).toHaveText('Lift +12.0 pts (95% CI +2.1 to +20.2 pts)');
    await expect(pricing).toContainText('Newcombe hybrid score interval (method 10, Newcombe 1998) from Wilson score intervals, 95%');
    await expect(pricing.locator('.badge')).toHaveText('helps');

    const nudge = page.locator('article[data-rule="signup-nudge"]');
    await expect(nudge.locator('p.lift')).toHaveText('Not enough data yet');
    await expect(nudge).toContainText('so far 200 with help and fewer than 20 in the holdout');
    await expect(figure(nudge, 'Held out')).toHaveText('<20');

    const faq = page.locator('article[data-rule="faq-card"]');
    await expect(figure(faq, 'Engaged')).toHaveText('<20');
    await expect(faq.locator('.badge')).toHaveText('no holdout');

    // The five-visitor page is neither listed nor counted on its own.
    await expect(page.locator('body')).not.toContainText(REPORT_EXPECTED.tinyPage);
    await expect(page.getByText('1 smaller page with fewer than 20 visitors between them: hidden.').first()).toBeVisible();

    const shadow = page.locator('tr[data-shadow-rule="exit-offer"]');
    await expect(shadow.locator('td').nth(1)).toHaveText(String(REPORT_EXPECTED.exitOffer.decisions));
    await expect(shadow).toContainText('/pricing 120, /checkout 30');
    // Caps would have blocked it 60 times: 30 by the session cap and 24 by the minimum gap are shown; 6 quiet-page blocks stand for too few visitors.
    await expect(shadow.locator('td[data-figure="blocked"]')).toHaveText(String(blockedTotal));
    await expect(shadow.locator('td.guards')).toHaveText('session cap 30, minimum gap 24, smaller groups hidden');
    await expect(shadow.locator('.blocked').first()).toHaveText(`blocked: /pricing ${blockedTotal}`);

    await expect(page.locator('.cards')).toContainText('12events dropped on devices before sending');
    expect(requests).toEqual([`${collector.url}/report?site=${REPORT_SITE}`]);
    expect(dialogs).toEqual([]);
    await page.screenshot({ path: 'test-results/report.png', fullPage: true });
  });

  test('renders hostile targets and paths from visitors as text, never as markup', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${collector.url}/report?site=${REPORT_SITE}`);
    await expect(page.getByRole('cell', { name: REPORT_EXPECTED.hostilePath, exact: true })).toBeVisible();
    await expect(page.locator('.panel', { has: page.locator('h3', { hasText: 'By target' }) })).toContainText('<img src=x onerror=alert');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('svg[onload], [onerror]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  test('serves the same figures as JSON at /report.json', async ({ request }) => {
    const summary = await (await request.get(`${collector.url}/report.json?site=${REPORT_SITE}`)).json();
    const pricing = summary.rules.find((r: { rule: string }) => r.rule === 'pricing-help');
    expect(pricing.funnel).toEqual({
      eligible: 500,
      holdout: 100,
      treatment: 400,
      shown: 400,
      engaged: 120,
      dismissed: 150,
      converted: 128,
    });
    expect(pricing.comparison.lift.difference).toBeCloseTo(0.12, 10);
    expect(pricing.comparison.lift.interval[0]).toBeCloseTo(0.021, 3);
    expect(pricing.comparison.lift.interval[1]).toBeCloseTo(0.2017, 4);
    const exitOffer = summary.shadow.find((r: { rule: string }) => r.rule === 'exit-offer');
    expect(exitOffer.wouldFire).toEqual({ events: REPORT_EXPECTED.exitOffer.decisions, visitors: REPORT_EXPECTED.exitOffer.decisions });
    expect(exitOffer.blocked).toEqual({ events: blockedTotal, visitors: blockedTotal });
    expect(JSON.stringify(summary)).not.toMatch(/"(?:vis|ph|sn|faq|ex|tiny|odd|blk)_[a-z]{4}"/);
  });
});
