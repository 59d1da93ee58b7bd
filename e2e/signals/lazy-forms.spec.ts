// The form and weak-signal detectors come in their own chunk (attune-forms.js), fetched once the
// page is idle, or sooner when focus or a press enters a form.
import { test, expect, mouseClick } from '../fixtures';
import { open, outcome } from './scenario';

const formsRequests = (requests: { url: string }[]) => requests.filter((r) => new URL(r.url).pathname === '/attune/attune-forms.js');

test('a page without form fields fetches the lazy detectors once idle, and its weak detectors run from them', async ({
  page,
  site,
  requests,
  collector,
}) => {
  await open(page, site.url, 'reading.html');
  // attune.ready waits for the chunk: by now it was fetched, once.
  expect(formsRequests(requests)).toHaveLength(1);
  // Scrolling down and back up, again and again, is scroll thrash: a detector that lives in the chunk.
  await page.mouse.move(640, 400);
  for (const dy of [700, -700, 700, -700, 700]) {
    await page.mouse.wheel(0, dy);
    await page.waitForTimeout(250);
  }
  await outcome(page, collector, { expected: ['scroll_thrash'] });
});

test('a page with a form fetches the form detectors once the page is idle, before any input', async ({ page, site, requests }) => {
  await open(page, site.url, 'form.html');
  await expect.poll(() => formsRequests(requests).length).toBe(1);
});

test('a form rendered later: its invalid submits are form_errors', async ({ page, site, collector }) => {
  await open(page, site.url, 'late-form.html');
  await mouseClick(page, page.locator('#start'));
  await mouseClick(page, page.locator('#late-email'));
  await page.keyboard.type('not-an-email');
  await page.keyboard.press('Enter');
  await outcome(page, collector, { expected: ['form_error'], tolerated: [], where: (s) => s.signal.startsWith('form') });
});
