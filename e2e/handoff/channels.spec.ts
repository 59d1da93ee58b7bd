import type { Page } from '@playwright/test';
import { test, expect, mouseClick } from '../fixtures';
import { card, collected, openFixture } from '../widget/widget-page';

const CANARY = 'CANARY4711x';

/** Types the canary into the VAT field with real keys and submits the form `times` times with Enter: each is a form_error. */
const failVat = async (page: Page, times: number) => {
  await mouseClick(page, page.locator('#vat'));
  await page.keyboard.type(CANARY, { delay: 20 });
  for (let i = 0; i < times; i++) await page.keyboard.press('Enter');
};

/** Nothing the visitor typed leaves the page: not in a request, a stored event or a chat call. */
const expectNoCanary = async (page: Page, requests: { url: string; body: string }[], stored: unknown) => {
  for (const r of requests) expect(`${r.url} ${r.body}`).not.toContain(CANARY);
  expect(JSON.stringify(stored)).not.toContain(CANARY);
  expect(JSON.stringify(await page.evaluate(() => (window as unknown as { chatCalls?: unknown }).chatCalls ?? null))).not.toContain(CANARY);
};

const VAT_NEXT = 'Confirm the VAT number format with the visitor: country prefix, then the digits, no spaces.';
const summary = expect.stringContaining('Failing fields: vat_number');

const CHATS = [
  ['intercom', [['Intercom', 'showNewMessage', summary]]],
  ['zendesk', [['zE', 'messenger', 'open']]],
  ['hubspot', [['HubSpotConversations.widget.open']]],
  [
    'crisp',
    [
      ['$crisp.push', ['set', 'message:text', [summary]]],
      ['$crisp.push', ['do', 'chat:open']],
    ],
  ],
  ['tawk', [['Tawk_API.maximize']]],
  ['freshchat', [['fcWidget.open', { replyText: summary }]]],
] as const;

for (const [channel, calls] of CHATS) {
  test(`${channel}: "Chat with us" opens the stand-in widget through its documented global, and the collector gets the whole record, no typed value`, async ({
    page,
    site,
    collector,
    requests,
  }) => {
    await openFixture(page, `${site.url}/e2e/handoff/${channel}.html`);
    await failVat(page, 3);
    await expect(card(page)).toBeVisible();
    await mouseClick(page, card(page).getByRole('button', { name: 'Chat with us' }));
    await expect.poll(() => page.evaluate(() => (window as unknown as { chatCalls: unknown[] }).chatCalls)).toEqual(calls);
    const [handoff] = await collected(page, collector, 'handoff');
    expect(handoff).toMatchObject({
      rule: `${channel}-handoff`,
      channel,
      purpose: 'help',
      intent: 'fixing_form_errors',
      reason: 'visitor_asked',
      evidence: [{ signal: 'form_error', target: 'checkout' }],
      fields: ['vat_number'],
      answered: [],
      next: VAT_NEXT,
    });
    expect((await collector.events('engaged')).map((e) => [e.action, e.channel, e.failure])).toEqual([['handoff', channel, undefined]]);
    expect((await collector.events('shown')).map((e) => e.channel)).toEqual([channel]);
    await expectNoCanary(page, requests, await collector.events());
  });
}

test('missing chat widget: the card shows the fallback link instead of a dead button, and following it records channel_missing, no handoff', async ({
  page,
  site,
  collector,
  requests,
}) => {
  await openFixture(page, `${site.url}/e2e/handoff/missing.html`);
  await failVat(page, 3);
  await expect(card(page)).toBeVisible();
  await expect(card(page).getByRole('button', { name: 'Chat with us' })).toHaveCount(0);
  const link = card(page).getByRole('link', { name: 'Contact support' });
  await expect(link).toBeVisible();
  await mouseClick(page, link);
  await page.waitForURL(/support\.html\?via=fallback$/);
  await expect
    .poll(async () => (await collector.events('engaged')).map((e) => [e.action, e.channel, e.failure]))
    .toEqual([['handoff', 'intercom', 'channel_missing']]);
  expect(await collector.events('handoff')).toEqual([]);
  await expectNoCanary(page, requests, await collector.events());
});

test('callback: attune("on", "handoff", fn) queued before attune.js loads gets the record with the rule\'s next action', async ({
  page,
  site,
  collector,
  requests,
}) => {
  await openFixture(page, `${site.url}/e2e/handoff/callback.html`);
  await failVat(page, 3);
  await mouseClick(page, card(page).getByRole('button', { name: 'Request a call' }));
  await expect.poll(() => page.evaluate(() => (window as unknown as { handoffs: unknown[] }).handoffs.length)).toBe(1);
  const record = await page.evaluate(() => (window as unknown as { handoffs: Record<string, unknown>[] }).handoffs[0]);
  expect(record).toMatchObject({
    rule: 'callback-handoff',
    channel: 'callback',
    page: '/e2e/handoff/callback.html',
    failingFields: ['vat_number'],
    nextAction: 'Call the visitor back about the VAT number.',
  });
  expect(record.summary).toContain('Recommended next action: Call the visitor back about the VAT number.');
  const [handoff] = await collected(page, collector, 'handoff');
  expect(handoff).toMatchObject({ channel: 'callback', next: 'Call the visitor back about the VAT number.' });
  expect(JSON.stringify(record)).not.toContain(CANARY);
  await expectNoCanary(page, requests, await collector.events());
});

test('callback with none registered: the fallback link shows, no button', async ({ page, site }) => {
  await openFixture(page, `${site.url}/e2e/handoff/nocallback.html`);
  await failVat(page, 3);
  await expect(card(page)).toBeVisible();
  await expect(card(page).getByRole('button', { name: 'Request a call' })).toHaveCount(0);
  await expect(card(page).getByRole('link', { name: 'Contact support' })).toBeVisible();
});

test('url: after help rated "No" and closed, "Talk to a person" navigates in place with the context, and the record lists that help with its outcome', async ({
  page,
  site,
  collector,
  requests,
}) => {
  await openFixture(page, `${site.url}/e2e/handoff/url.html`);
  await failVat(page, 1);
  await expect(card(page).getByRole('heading')).toHaveText('VAT number');
  await mouseClick(page, card(page).getByRole('button', { name: 'No', exact: true }));
  await mouseClick(
    page,
    card(page)
      .getByRole('button', { name: /close|dismiss/i })
      .first(),
  );
  await expect(card(page)).toHaveCount(0);
  await mouseClick(page, page.locator('#vat'));
  for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
  await expect(card(page).getByRole('heading')).toHaveText('Still stuck?');
  await mouseClick(page, card(page).getByRole('button', { name: 'Talk to a person' }));
  await page.waitForURL(/support\.html/);
  const url = new URL(page.url());
  expect(Object.fromEntries(url.searchParams)).toEqual({ page: '/e2e/handoff/url.html', topic: 'fixing_form_errors' });
  await expect.poll(async () => (await collector.events('handoff')).length).toBe(1);
  const [handoff] = await collector.events('handoff');
  expect(handoff).toMatchObject({
    rule: 'url-handoff',
    channel: 'url',
    fields: ['vat_number'],
    help: [{ rule: 'vat-tip', outcome: 'helpful_no' }],
    next: VAT_NEXT,
  });
  await expectNoCanary(page, requests, await collector.events());
});

test('help from articles: the card shows the best article of the knowledge file for the page and the failing form, with a link to it', async ({
  page,
  site,
}) => {
  await openFixture(page, `${site.url}/e2e/handoff/articles.html`);
  await failVat(page, 3);
  await expect(card(page).getByRole('heading')).toHaveText('Need a hand?');
  await expect(card(page)).toContainText('Start with the two-letter country code, then the digits, without spaces.');
  const link = card(page).getByRole('link', { name: 'Entering a VAT number' });
  await expect(link).toHaveAttribute('href', '/e2e/widget/faq.html#vat');
});
