import { test, expect, mouseClick } from '../fixtures';
import { PLANS, collected, host, openFixture, showCard } from './widget-page';

test("a site <dialog> closed with Escape leaves the card alone and records nothing; the card keeps out of the dialog's way while it is open", async ({
  page,
  site,
  collector,
}) => {
  await openFixture(page, site.url + PLANS);
  const card = await showCard(page, 'pricing');
  await mouseClick(page, page.getByRole('button', { name: 'Read the terms' }));
  const terms = page.getByRole('dialog', { name: 'Terms' });
  await expect(terms).toBeVisible();
  // Never over the site's modal: out of sight (and out of the tab order) while it is open.
  await expect(card).toBeHidden();

  // Escape belongs to the dialog: it closes, the card comes back untouched.
  await page.keyboard.press('Escape');
  await expect(terms).toBeHidden();
  await expect(card).toBeVisible();
  await expect(host(page)).toHaveCount(1);

  // The next Escape reaches the page untouched: now it closes the card, recorded as escape. It is the
  // only dismissal the collector holds, so the first Escape recorded nothing.
  await page.keyboard.press('Escape');
  await expect(host(page)).toHaveCount(0);
  const dismissed = await collected(page, collector, 'dismissed');
  expect(dismissed.map((e) => [e.rule, e.kind])).toEqual([['pricing-help', 'escape']]);
});

test('Escape that the page itself handled (defaultPrevented) leaves the card open', async ({ page, site, collector }) => {
  await openFixture(page, site.url + PLANS);
  const card = await showCard(page, 'pricing');
  // A site widget that uses Escape for itself, such as a search box clearing its text.
  await page.evaluate(() => document.addEventListener('keydown', (e) => e.key === 'Escape' && e.preventDefault(), { once: true }));
  await page.keyboard.press('Escape');
  await expect(card).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(host(page)).toHaveCount(0);
  const dismissed = await collected(page, collector, 'dismissed');
  expect(dismissed.map((e) => e.kind)).toEqual(['escape']);
});
