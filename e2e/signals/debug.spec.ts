import { rapidClicks } from '../fixtures';
import { expect, open, outcome, test } from './scenario';

test.describe.configure({ mode: 'parallel' });

test('debug mode (?attune-debug) logs each signal with its target and outlines the target on the page', async ({
  page,
  site,
  collector,
}) => {
  const logged: string[] = [];
  page.on('console', (message) => logged.push(message.text()));
  await open(page, site.url, 'clicks.html?attune-debug');
  await rapidClicks(page, page.locator('#apply'), 4);
  const outline = page.locator('[data-attune-ui="outline"]', { hasText: 'rage_click apply-coupon' });
  await expect(outline).toBeVisible();
  // The outline sits over the target it names.
  const [box, target] = [await outline.boundingBox(), await page.locator('#apply').boundingBox()];
  expect(Math.abs(box!.x - target!.x)).toBeLessThan(2);
  expect(Math.abs(box!.y - target!.y)).toBeLessThan(2);
  await expect.poll(() => logged.filter((t) => t.startsWith('[attune] signal rage_click on apply-coupon'))).toHaveLength(1);
  await outcome(page, collector, { expected: ['rage_click'], tolerated: ['dead_click'] });
});

test('without debug mode, a signal is neither logged nor outlined', async ({ page, site, collector }) => {
  const logged: string[] = [];
  page.on('console', (message) => logged.push(message.text()));
  await open(page, site.url, 'clicks.html');
  await rapidClicks(page, page.locator('#apply'), 4);
  await outcome(page, collector, { expected: ['rage_click'], tolerated: ['dead_click'] });
  await expect(page.locator('[data-attune-ui="outline"]')).toHaveCount(0);
  expect(logged.filter((t) => t.includes('[attune] signal'))).toEqual([]);
});
