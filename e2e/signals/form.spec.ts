import { mouseClick } from '../fixtures';
import { expect, open, outcome, received, test } from './scenario';
import type { Page } from '@playwright/test';

test.describe.configure({ mode: 'parallel' });

const field = (page: Page, id: string) => page.locator(`#${id}`);
/** Clicks into a field and types like a quick typist. */
const fill = async (page: Page, id: string, text: string) => {
  await mouseClick(page, field(page, id));
  await page.keyboard.type(text, { delay: 30 });
};

test('form_error: an invalid email submitted gives a form_error on the email field', async ({ page, site, collector }) => {
  await open(page, site.url, 'form.html');
  await fill(page, 'email', 'not-an-email');
  await mouseClick(page, field(page, 'terms'));
  await mouseClick(page, field(page, 'create'));
  const signals = await outcome(page, collector, { expected: ['form_error'] });
  expect(signals).toEqual([{ signal: 'form_error', target: '#email', count: 1 }]);
});

test('form_error: a VAT number the page marks aria-invalid gives a form_error on that field', async ({ page, site, collector }) => {
  await open(page, site.url, 'form.html');
  await fill(page, 'vat', 'abc');
  await page.keyboard.press('Tab');
  await expect(field(page, 'vat')).toHaveAttribute('aria-invalid', 'true');
  const signals = await outcome(page, collector, { expected: ['form_error'] });
  expect(signals).toEqual([{ signal: 'form_error', target: '#vat', count: 1 }]);
});

test('form_correction: five characters deleted and retyped in the company field', async ({ page, site, collector }) => {
  await open(page, site.url, 'form.html');
  await fill(page, 'company', 'Acme Corp');
  for (let i = 0; i < 5; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type(' Ltd', { delay: 30 });
  const signals = await outcome(page, collector, { expected: ['form_correction'] });
  expect(signals).toEqual([{ signal: 'form_correction', target: '#company', count: 1 }]);
});

test('form_correction: the email field selected, cleared and retyped', async ({ page, site, collector }) => {
  await open(page, site.url, 'form.html');
  await fill(page, 'email', 'ann@example.org');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('anne@example.org', { delay: 30 });
  const signals = await outcome(page, collector, { expected: ['form_correction'] });
  expect(signals).toEqual([{ signal: 'form_correction', target: '#email', count: 1 }]);
});

test('form_refill: going back to the email field after filling the company gives a form_refill', async ({ page, site, collector }) => {
  await open(page, site.url, 'form.html');
  await fill(page, 'email', 'ann@example.org');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Acme', { delay: 30 });
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('End');
  await page.keyboard.type('.uk', { delay: 30 });
  const signals = await outcome(page, collector, { expected: ['form_refill'] });
  expect(signals).toEqual([{ signal: 'form_refill', target: '#email', count: 1 }]);
});

test('form_refill: clicking back into the company field after the VAT number gives a form_refill', async ({ page, site, collector }) => {
  await open(page, site.url, 'form.html');
  await fill(page, 'company', 'Acme');
  await fill(page, 'vat', 'GB123456');
  await fill(page, 'company', ' Holdings');
  const signals = await outcome(page, collector, { expected: ['form_refill'] });
  expect(signals).toEqual([{ signal: 'form_refill', target: '#company', count: 1 }]);
});

test('disabled_click: pressing the disabled Create account button twice gives disabled_click counts 1 and 2', async ({
  page,
  site,
  collector,
}) => {
  await open(page, site.url, 'form.html');
  await mouseClick(page, field(page, 'create'));
  await page.waitForTimeout(300);
  await mouseClick(page, field(page, 'create'));
  await expect.poll(async () => (await received(page, collector)).length).toBe(2);
  const signals = await outcome(page, collector, { expected: ['disabled_click'] });
  expect(signals).toEqual([
    { signal: 'disabled_click', target: '#create', count: 1 },
    { signal: 'disabled_click', target: '#create', count: 2 },
  ]);
});

test('disabled_click: pressing an aria-disabled Next step button gives a disabled_click and no dead_click', async ({
  page,
  site,
  collector,
}) => {
  await open(page, site.url, 'form.html');
  await mouseClick(page, field(page, 'next-step'));
  await page.waitForTimeout(2700);
  const signals = await outcome(page, collector, { expected: ['disabled_click'] });
  expect(signals).toEqual([{ signal: 'disabled_click', target: '#next-step', count: 1 }]);
});

test('form_abandon: an email typed, then a link followed away, gives a form_abandon on the email field', async ({
  page,
  site,
  collector,
}) => {
  await open(page, site.url, 'form.html');
  await fill(page, 'email', 'ann@example.org');
  await mouseClick(page, field(page, 'leave'));
  await page.waitForURL(/other\.html$/);
  const signals = await outcome(page, collector, { expected: ['form_abandon'] });
  expect(signals).toEqual([{ signal: 'form_abandon', target: '#email', count: 1 }]);
});

test('form_abandon: a team size typed in a single-page app, then a route change, gives a form_abandon', async ({
  page,
  site,
  collector,
}) => {
  await open(page, site.url, 'spa.html');
  await fill(page, 'size', '12');
  await mouseClick(page, page.locator('#to-features'));
  await expect(page).toHaveURL(/\/features$/);
  const signals = await outcome(page, collector, { expected: ['form_abandon'] });
  expect(signals).toEqual([{ signal: 'form_abandon', target: '#size', count: 1 }]);
});

test('a fast typist filling the form correctly gives no signal', async ({ page, site, collector }) => {
  await open(page, site.url, 'form.html');
  await fill(page, 'email', 'ann@example.org');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Acme Ltd', { delay: 30 });
  await page.keyboard.press('Tab');
  await page.keyboard.type('GB123456', { delay: 30 });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(field(page, 'create')).toBeEnabled();
  await outcome(page, collector, { expected: [], quietMs: 1500 });
});

test('a form submitted successfully gives no form_abandon when the page goes', async ({ page, site, collector }) => {
  await open(page, site.url, 'form.html');
  await fill(page, 'email', 'ann@example.org');
  await fill(page, 'company', 'Acme');
  await mouseClick(page, field(page, 'terms'));
  await mouseClick(page, field(page, 'create'));
  await page.waitForURL(/other\.html/);
  await outcome(page, collector, { expected: [], quietMs: 1500 });
});

test('form_error: a newsletter submit the page blocks with only a message gives a form_error on the form, once per attempt', async ({
  page,
  site,
  collector,
}) => {
  await open(page, site.url, 'form.html');
  await fill(page, 'nl-email', 'ann');
  await page.keyboard.press('Enter');
  await expect(field(page, 'nl-message')).toHaveText('Please enter an email address');
  await mouseClick(page, field(page, 'nl-join'));
  await expect
    .poll(async () => (await received(page, collector)).filter((s) => s.signal === 'form_error').map((s) => s.count), { timeout: 8000 })
    .toEqual([1, 2]);
  const signals = await outcome(page, collector, { expected: ['form_error'] });
  expect(signals.map((s) => [s.signal, s.target])).toEqual([
    ['form_error', '#newsletter'],
    ['form_error', '#newsletter'],
  ]);
});

test('a newsletter submit the page sends with fetch gives no form_error', async ({ page, site, collector }) => {
  await open(page, site.url, 'form.html');
  await fill(page, 'nl-email', 'ann@example.org');
  await page.keyboard.press('Enter');
  await expect(field(page, 'nl-message')).toHaveText('Subscribed');
  await outcome(page, collector, { expected: [], quietMs: 1500 });
});

test('form_correction: the company name selected with Control+A and typed over gives a form_correction', async ({
  page,
  site,
  collector,
}) => {
  await open(page, site.url, 'form.html');
  await fill(page, 'company', 'Acme Corp');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Globex', { delay: 30 });
  await expect(field(page, 'company')).toHaveValue('Globex');
  const signals = await outcome(page, collector, { expected: ['form_correction'] });
  expect(signals).toEqual([{ signal: 'form_correction', target: '#company', count: 1 }]);
});

test('form_correction: the email selected with Control+A and typed over gives a form_correction', async ({ page, site, collector }) => {
  await open(page, site.url, 'form.html');
  await fill(page, 'email', 'ann@example.org');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('bob@example.org', { delay: 30 });
  const signals = await outcome(page, collector, { expected: ['form_correction'] });
  expect(signals).toEqual([{ signal: 'form_correction', target: '#email', count: 1 }]);
});
