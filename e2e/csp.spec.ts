import { test, expect, rapidClicks, mouseClick, flush } from './fixtures';

test('under a strict CSP (no inline styles or scripts, no eval) the card renders styled and events arrive, with no violation', async ({
  page,
  site,
  collector,
}) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto(`${site.url}/e2e/csp/index.html`);
  expect(response?.headers()['content-security-policy']).toContain("style-src 'self'");

  await rapidClicks(page, page.locator('.term'), 4);
  const card = page.locator('[data-attune-ui]').getByRole('dialog', { name: 'What counts as an invoice?' });
  await expect(card).toBeVisible();
  // Styled through constructable stylesheets in the shadow root: a fixed card with a border radius.
  const style = await card.evaluate((el) => {
    const s = getComputedStyle(el);
    return { position: s.position, radius: s.borderTopLeftRadius };
  });
  expect(style.position).toBe('fixed');
  expect(style.radius).not.toBe('0px');

  await mouseClick(page, card.getByRole('button', { name: 'Dismiss' }));
  await expect
    .poll(async () => {
      await flush(page);
      return (await collector.events()).map((e) => e.type).sort();
    })
    .toEqual(['decision', 'dismissed', 'shown', 'signal']);
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
});
