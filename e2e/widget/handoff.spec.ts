import { test, expect, mouseClick } from '../fixtures';
import { PLANS, collected, openFixture, showCard } from './widget-page';

test('"Talk to a person" opens the rule\'s URL template once, with page, intent and rule filled, and the collector gets handoff', async ({
  page,
  site,
  collector,
  context,
}) => {
  await openFixture(page, site.url + PLANS);
  const aside = await showCard(page, 'contact');
  await expect(aside.getByRole('heading')).toHaveText('Want to talk it through?');
  const [support] = await Promise.all([
    context.waitForEvent('page'),
    mouseClick(page, aside.getByRole('button', { name: 'Talk to a person' })),
  ]);
  await support.waitForLoadState();
  const url = new URL(support.url());
  expect(url.origin + url.pathname).toBe(`${site.url}/e2e/widget/support.html`);
  expect(Object.fromEntries(url.searchParams)).toEqual({
    page: '/e2e/widget/page.html',
    intent: 'stuck_on_an_element',
    rule: 'talk-to-us',
  });
  // One new tab, not a second one with the unfilled template.
  await page.waitForTimeout(500);
  expect(context.pages()).toHaveLength(2);
  // The opened tab is cut off from this page.
  expect(await support.evaluate(() => window.opener)).toBeNull();

  const handoff = await collected(page, collector, 'handoff');
  expect(handoff).toHaveLength(1);
  expect(handoff[0]).toMatchObject({ rule: 'talk-to-us', intent: 'stuck_on_an_element', reason: 'visitor_asked', purpose: 'help' });
  const engaged = await collected(page, collector, 'engaged');
  expect(engaged.map((e) => [e.rule, e.action])).toEqual([['talk-to-us', 'handoff']]);
});
