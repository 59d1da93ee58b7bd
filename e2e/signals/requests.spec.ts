import { mouseClick, rapidClicks } from '../fixtures';
import { expect, open, outcome, test } from './scenario';

test.describe.configure({ mode: 'parallel' });

// Long enough for a dead-click wait (2.5 s) to run out.
const QUIET = 3200;

test('a button whose search request is still running after the dead-click wait gives no dead_click', async ({
  page,
  site,
  collector,
  requests,
}) => {
  // The site server answers, but only after 4 s: longer than the 2.5 s wait, so only the request's start can count.
  await page.route('**/items.json?slow=*', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 4000));
    await route.continue().catch(() => {});
  });
  await open(page, site.url, 'clicks.html');
  await mouseClick(page, page.locator('#slow-search'));
  await outcome(page, collector, { expected: [], quietMs: QUIET });
  expect(
    requests.filter((r) => r.url.includes('items.json?slow=')),
    'the click started one request',
  ).toHaveLength(1);
});

test('dead: a page polling a URL listed in data-signals ignoreUrls still gives a dead_click for a button that does nothing', async ({
  page,
  site,
  collector,
  requests,
}) => {
  await open(page, site.url, 'polling.html');
  const before = requests.filter((r) => r.url.includes('items.json?poll=')).length;
  await mouseClick(page, page.locator('#notify'));
  const signals = await outcome(page, collector, { expected: ['dead_click'] });
  expect(signals).toEqual([{ signal: 'dead_click', target: '#notify', count: 1 }]);
  // The poll kept running during the wait: without the listed URL it would have counted as a response.
  expect(requests.filter((r) => r.url.includes('items.json?poll=')).length - before).toBeGreaterThanOrEqual(5);
});

test('rage: data-signals {"dead":false,"rage":{"clicks":4}} gives a rage_click for five clicks and no dead_click at all', async ({
  page,
  site,
  collector,
}) => {
  await open(page, site.url, 'switched-off.html');
  await rapidClicks(page, page.locator('#apply'), 5);
  await page.waitForTimeout(QUIET);
  const signals = await outcome(page, collector, { expected: ['rage_click'] });
  expect(signals).toEqual([{ signal: 'rage_click', target: 'apply-coupon', count: 5, confidence: 'high' }]);
});

test('three fast clicks give no rage_click when data-signals raises the burst to four, and no dead_click when dead is off', async ({
  page,
  site,
  collector,
}) => {
  await open(page, site.url, 'switched-off.html');
  await rapidClicks(page, page.locator('#apply'), 3);
  await outcome(page, collector, { expected: [], quietMs: QUIET });
});
