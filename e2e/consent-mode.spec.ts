import { test, expect, mouseClick, flush } from './fixtures';

test('with data-consent-mode="google", nothing is sent while gtag consent is denied, and events flow after the banner grants it', async ({
  page,
  site,
  collector,
  requests,
}) => {
  await page.goto(`${site.url}/e2e/consent-mode/google.html`);
  await page.waitForFunction(() => typeof (window as unknown as { attune: { flush?: unknown } }).attune.flush === 'function');
  await mouseClick(page, page.getByRole('button', { name: 'Book a demo' }));
  await flush(page);
  await page.waitForTimeout(500);
  const toCollector = () => requests.filter((r) => r.url.startsWith(collector.url));
  expect(toCollector()).toEqual([]);

  await mouseClick(page, page.getByRole('button', { name: 'Accept all' }));
  await mouseClick(page, page.getByRole('button', { name: 'Book a demo' }));
  await expect
    .poll(async () => {
      await flush(page);
      return (await collector.events('conversion')).length;
    })
    .toBeGreaterThanOrEqual(1);
  expect((await collector.events('conversion')).every((e) => e.goal === 'demo_booked' && e.purpose === 'measurement')).toBe(true);
});
