import { test, expect, flush, mouseClick } from '../fixtures';
import { PLANS, card, collected, host, openFixture, showCard } from './widget-page';

test('a chosen answer is sent as answered with its choice value; then the developer rule fires instead of the sales pitch', async ({
  page,
  site,
  collector,
}) => {
  await openFixture(page, site.url + PLANS);
  const question = await showCard(page, 'plans');
  await expect(question.getByRole('radiogroup', { name: 'What describes you best?' })).toBeVisible();
  await mouseClick(page, question.getByRole('radio', { name: 'Developer' }));
  await mouseClick(page, question.getByRole('button', { name: 'Send' }));
  await expect(host(page)).toHaveCount(0);

  const answered = await collected(page, collector, 'answered');
  expect(answered).toHaveLength(1);
  expect(answered[0]).toMatchObject({ rule: 'role-question', field: 'role', answer: 'developer', purpose: 'profiling' });

  // Both docs rules match the burst; the one conditioned on profile.role = "developer" wins.
  const help = await showCard(page, 'docs');
  await expect(help.getByRole('heading')).toHaveText('Looking for the API?');
  await expect(help.getByRole('link', { name: /API reference/ })).toBeVisible();
  const decisions = await collected(page, collector, 'decision', 2);
  expect(decisions.map((e) => e.rule)).toEqual(['role-question', 'api-docs']);
});

test('without an answer (the question skipped) nothing is recorded as answered and the sales pitch shows', async ({
  page,
  site,
  collector,
}) => {
  await openFixture(page, site.url + PLANS);
  const question = await showCard(page, 'plans');
  await mouseClick(page, question.getByRole('radio', { name: 'Founder' }));
  await mouseClick(page, question.getByRole('button', { name: 'Skip' }));
  await expect(host(page)).toHaveCount(0);

  const help = await showCard(page, 'docs');
  await expect(help.getByRole('heading')).toHaveText('Want a guided demo?');
  await collected(page, collector, 'decision', 2);
  await flush(page);
  expect(await collector.events('answered')).toEqual([]);
  // A skip is not a dismissal of help either.
  expect(await collector.events('dismissed')).toEqual([]);
  const all = JSON.stringify(await collector.events());
  expect(all).not.toContain('founder');
});

// The collector must accept an `answered` without `answer`: a batch it refused would take the
// signal, decision and shown events sent alongside down with it.
test('a free-text answer stays on the device: answered carries no answer, and the typed text is in no request', async ({
  page,
  site,
  collector,
  requests,
}) => {
  const CANARY = 'Canary-Team-7Yq2';
  await openFixture(page, site.url + PLANS);
  const question = await showCard(page, 'team');
  const field = question.getByRole('textbox', { name: 'What is your team called?' });
  await mouseClick(page, field);
  await page.keyboard.type(CANARY);
  await mouseClick(page, question.getByRole('button', { name: 'Send' }));
  await expect(host(page)).toHaveCount(0);

  // The events sent with the answer arrive too.
  await collected(page, collector, 'shown');
  const answered = await collected(page, collector, 'answered');
  expect(answered).toHaveLength(1);
  expect(answered[0]).toMatchObject({ rule: 'team-question', field: 'team', purpose: 'profiling' });
  expect(answered[0]).not.toHaveProperty('answer');
  expect(requests.length).toBeGreaterThan(0);
  for (const { url, body } of requests) expect(url + body).not.toContain(CANARY);
  expect(JSON.stringify(await collector.events())).not.toContain(CANARY);
});

test('an empty answer is refused with a message, not sent', async ({ page, site, collector }) => {
  await openFixture(page, site.url + PLANS);
  const question = await showCard(page, 'plans');
  await mouseClick(page, question.getByRole('button', { name: 'Send' }));
  await expect(question.locator('#attune-err')).toHaveText('Please choose an answer, or skip.');
  await expect(card(page)).toBeVisible();
  await flush(page);
  expect(await collector.events('answered')).toEqual([]);
});
