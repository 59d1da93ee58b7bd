import { test, expect, rapidClicks, mouseClick, flush } from './fixtures';

const CANARY = 'Canary-Q7zX9-typed';
const PAGE_TEXT = ['Comparing plans', 'Most teams pick Team', 'Unlimited invoices', 'Bank reconciliation', '€39'];

test("rage clicks on the pricing table show the rule's card; dismissal sticks; the endpoint gets signal, decision, shown and dismissed events without typed or element text", async ({
  page,
  site,
  collector,
  requests,
}) => {
  await page.goto(`${site.url}/?utm_source=newsletter&email=${CANARY}`);
  await mouseClick(page, page.getByRole('button', { name: 'Allow' }));

  // The visitor types into the lead form first: none of it may ever leave the page.
  await mouseClick(page, page.locator('#lead-name'));
  await page.keyboard.type(CANARY);

  const term = page.locator('[data-attune="plan-team"] .term').first();
  await term.scrollIntoViewIfNeeded();
  await rapidClicks(page, term, 4);

  const host = page.locator('[data-attune-ui]');
  await expect(host).toHaveCount(1);
  expect(await host.evaluate((el) => el.shadowRoot?.mode)).toBe('open');
  // A labelled, non-modal landmark named by the rule's title.
  const card = host.getByRole('dialog', { name: 'Comparing plans?' });
  await expect(card).toBeVisible();

  await mouseClick(page, card.getByRole('button', { name: 'Why am I seeing this?' }));
  await expect(card).toContainText(/pricing/i);

  await mouseClick(page, card.getByRole('button', { name: 'Dismiss' }));
  await expect(host).toHaveCount(0);

  // A second burst: the signal is recorded, but the dismissed card stays away.
  await rapidClicks(page, term, 4);
  await expect
    .poll(async () => {
      await flush(page);
      return (await collector.events('signal')).filter((e) => e.signal === 'rage_click').length;
    })
    .toBe(2);
  await expect(host).toHaveCount(0);

  const events = await collector.events();
  const types = events.map((e) => e.type);
  expect(types.filter((t) => t === 'decision')).toHaveLength(1);
  expect(types.filter((t) => t === 'shown')).toHaveLength(1);
  expect(types.filter((t) => t === 'dismissed')).toHaveLength(1);
  expect(events.find((e) => e.type === 'decision')).toMatchObject({ rule: 'pricing-confusion', shadow: false, purpose: 'help' });
  expect(events.find((e) => e.type === 'dismissed')).toMatchObject({ rule: 'pricing-confusion', kind: 'dismiss' });
  const rage = events.find((e) => e.type === 'signal');
  expect(rage).toMatchObject({ signal: 'rage_click', target: 'pricing/plan-team', purpose: 'measurement', path: '/' });
  expect(Number(rage?.count)).toBeGreaterThanOrEqual(3);
  expect(rage?.utm).toEqual({ utm_source: 'newsletter' });
  expect(new Set(events.map((e) => e.id)).size).toBe(events.length);

  // Privacy: no typed value, no element text, no full URL, and no origin but the endpoint's.
  const posts = requests.filter((r) => r.body);
  expect(posts.length).toBeGreaterThan(0);
  for (const { url, body } of posts) {
    expect(new URL(url).origin).toBe(new URL(collector.endpoint).origin);
    expect(body).not.toContain(CANARY);
    for (const text of PAGE_TEXT) expect(body).not.toContain(text);
  }
  for (const { url } of requests) expect([site.origin, new URL(collector.endpoint).origin]).toContain(new URL(url).origin);
  expect(JSON.stringify(events)).not.toContain(CANARY);
});
