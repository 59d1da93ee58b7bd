// PII canaries: personal data typed, selected and written into every kind of
// field, carried by element text, labels, ids and the page URL, must never
// leave the device, and nothing may go to any origin but the site's and the endpoint's.
import { test, expect, openFixture, flushPage } from './pipe-fixtures';
import { rapidClicks } from '../fixtures';

const TYPED = 'Canary-Zx81-typed';
const AREA = 'Canary-Qm27-textarea';
const EDITABLE = 'Canary-Pw55-editable';
const ABANDONED = 'Canary-Hd30-abandoned';
const QUERY = 'Canary-Qs12-query';
const EMAIL = 'canary.person@example.com';
const PHONE = '+44 20 7946 0958';
const CARD = '4111 1111 1111 1111';

/** Every form in which a canary could leak, lower-cased where the text is letters. */
const NEEDLES = [
  'canary', // every canary string above, the option text and value, the button text and aria-label
  'person@example',
  '%40example',
  '7946 0958',
  '79460958',
  '4111 1111',
  '4111111111111111',
  '4111-1111',
];

const leaks = (text: string) => NEEDLES.filter((needle) => text.toLowerCase().includes(needle));

test('canary strings, an email, a phone and a card number typed into every kind of field never leave the device, and no request goes to another origin', async ({
  page,
  site,
  lab,
}) => {
  const endpointOrigin = new URL(lab.proxy.endpoint).origin;
  await page.goto(`${site.url}/e2e/pipe/pii.html?q=${QUERY}&email=${encodeURIComponent(EMAIL)}&utm_source=newsletter&utm_medium=email`);
  await page.waitForFunction(() => typeof (window as unknown as { attune?: { ready?: unknown } }).attune?.ready === 'object');
  await page.evaluate(() => (window as unknown as { attune: { ready: Promise<void> } }).attune.ready);

  // Type into every kind of field with the keyboard, moving with Tab as a visitor does.
  await rapidClicks(page, page.locator('#name'), 1, 80);
  await page.keyboard.type(TYPED);
  await page.keyboard.press('Tab');
  await page.keyboard.type(EMAIL);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PHONE);
  await page.keyboard.press('Tab');
  await page.keyboard.type(CARD);
  await page.keyboard.press('Tab');
  // A closed select picks the option whose text starts with what is typed.
  await page.keyboard.type('Can');
  await page.keyboard.press('Tab');
  await page.keyboard.type(`${AREA} ${EMAIL} ${PHONE}`);
  await rapidClicks(page, page.locator('#bio'), 1, 80);
  await page.keyboard.type(`${EDITABLE} ${CARD}`);
  await expect(page.locator('#plan')).toHaveValue('canary-kv90-value');
  await expect(page.locator('#card')).toHaveValue(CARD);
  await expect(page.locator('#bio')).toHaveText(`${EDITABLE} ${CARD}`);

  // Click around: rage bursts on dead controls whose text, label and id carry personal data,
  // and repeated clicks inside the filled fields.
  await rapidClicks(page, page.getByRole('button', { name: 'Canary-Bt44-label' }), 4, 80);
  await rapidClicks(page, page.getByRole('button', { name: 'Canary-Ar63-aria' }), 4, 80);
  await rapidClicks(page, page.locator('#pay-4111111111111111'), 4, 80);
  await rapidClicks(page, page.locator('#email'), 4, 80);
  await rapidClicks(page, page.locator('#about'), 3, 80);
  await page.waitForTimeout(1100);

  // Submit the filled form.
  await rapidClicks(page, page.locator('#signup-submit'), 1, 80);
  await expect(page.locator('#done')).toBeVisible();

  // Start a second form, then abandon it by leaving the page.
  await rapidClicks(page, page.locator('#contact-msg'), 1, 80);
  await page.keyboard.type(`${ABANDONED} call me on ${PHONE}`);
  await page.keyboard.press('Tab');
  await page.keyboard.type(EMAIL);
  await flushPage(page);
  await page.goto(`${site.url}/e2e/pipe/granted.html`);
  await openFixture(page, site.url, 'granted');

  // The visit reached the collector: the conversion, and the friction signals the input caused
  // (rage and dead clicks on the dead controls, the abandoned form), named without their text.
  await expect
    .poll(
      async () => {
        await flushPage(page);
        const events = await lab.stored();
        return {
          conversion: events.some((e) => e.type === 'conversion'),
          abandoned: events.some((e) => e.signal === 'form_abandon'),
          rageTargets: new Set(events.filter((e) => e.signal === 'rage_click').map((e) => e.target)).size,
        };
      },
      { timeout: 15_000 },
    )
    .toEqual({ conversion: true, abandoned: true, rageTargets: 3 });

  const stored = await lab.stored();
  expect(stored.find((e) => e.type === 'conversion')).toMatchObject({ goal: 'signup', path: '/e2e/pipe/pii.html' });
  for (const e of stored) {
    expect(e.path, 'paths carry no query').not.toContain('?');
    expect(leaks(JSON.stringify(e)), `stored record ${e.id}`).toEqual([]);
  }
  // Query keys off the allowlist never go; the allowlisted utm values do.
  expect(stored.find((e) => e.type === 'conversion')?.utm).toEqual({ utm_source: 'newsletter', utm_medium: 'email' });

  // Every body that reached the endpoint, every request the browser made (beacons included), and every URL.
  expect(lab.proxy.log.length).toBeGreaterThan(0);
  for (const r of lab.proxy.log) {
    expect(r.outcome, 'the collector accepted every batch (a 400 would mean it caught personal data)').toBe('forwarded 200');
    expect(leaks(r.body), 'body at the endpoint').toEqual([]);
  }
  expect(lab.requests.length).toBeGreaterThan(0);
  for (const r of lab.requests) {
    expect(leaks(r.body), `body of ${r.url}`).toEqual([]);
    expect([site.origin, endpointOrigin], `origin of ${r.url}`).toContain(new URL(r.url).origin);
    if (new URL(r.url).origin === endpointOrigin) expect(leaks(r.url)).toEqual([]);
  }
  expect(lab.requests.filter((r) => new URL(r.url).origin === endpointOrigin).length).toBeGreaterThan(0);
});

test('an email address in an allowlisted utm value is not sent, and the events of that page are still stored', async ({
  page,
  site,
  lab,
}) => {
  // Email tools often put the subscriber's address in utm_content; the collector rightly refuses such a batch.
  await page.goto(`${site.url}/e2e/pipe/granted.html?utm_source=newsletter&utm_content=${encodeURIComponent(EMAIL)}`);
  await page.waitForFunction(() => typeof (window as unknown as { attune?: { ready?: unknown } }).attune?.ready === 'object');
  await page.evaluate(() => (window as unknown as { attune: { ready: Promise<void> } }).attune.ready);
  await page.evaluate(() =>
    (window as unknown as { attune: { track(n: 'conversion', p: { goal: string }): void } }).attune.track('conversion', {
      goal: 'utm-email',
    }),
  );
  await flushPage(page);
  await expect.poll(() => lab.proxy.log.length).toBeGreaterThan(0);
  for (const r of lab.proxy.log) expect(leaks(r.body), 'body at the endpoint').toEqual([]);
  await expect.poll(async () => (await lab.stored('conversion')).map((e) => e.goal)).toEqual(['utm-email']);
  expect((await lab.stored('conversion'))[0]?.utm).toEqual({ utm_source: 'newsletter' });
});
