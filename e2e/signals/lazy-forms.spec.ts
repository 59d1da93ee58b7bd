// The form detectors come in their own chunk (attune-forms.js), fetched only where there are
// form fields: at idle on a page that has some, or when focus or a press enters a form rendered later.
import { test, expect, mouseClick } from '../fixtures';
import { open, outcome } from './scenario';

const formsRequests = (requests: { url: string }[]) => requests.filter((r) => new URL(r.url).pathname === '/attune/attune-forms.js');

test('a page without form fields never fetches the form detectors', async ({ page, site, requests }) => {
  await open(page, site.url, 'reading.html');
  await page.mouse.move(200, 200);
  for (let i = 0; i < 4; i++) {
    await page.mouse.wheel(0, 250);
    await page.waitForTimeout(150);
  }
  await mouseClick(page, page.locator('#demo'));
  await page.waitForTimeout(2500);
  expect(formsRequests(requests)).toEqual([]);
});

test('a page with a form fetches the form detectors once the page is idle, before any input', async ({ page, site, requests }) => {
  await open(page, site.url, 'form.html');
  await expect.poll(() => formsRequests(requests).length).toBe(1);
});

test('a form rendered later: focus entering it fetches the detectors, and its invalid submits are form_errors', async ({
  page,
  site,
  requests,
  collector,
}) => {
  await open(page, site.url, 'late-form.html');
  await mouseClick(page, page.locator('#start'));
  await page.waitForTimeout(1500);
  // No idle check since the button click (no route change), and no focus in the form yet.
  expect(formsRequests(requests)).toEqual([]);
  const fetched = page.waitForResponse((r) => new URL(r.url()).pathname === '/attune/attune-forms.js');
  await mouseClick(page, page.locator('#late-email'));
  await fetched;
  expect(formsRequests(requests)).toHaveLength(1);
  await page.keyboard.type('not-an-email');
  // A visitor who submits within milliseconds of first focusing a late form can beat the chunk;
  // the second attempt cannot.
  await page.keyboard.press('Enter');
  await page.waitForTimeout(400);
  await page.keyboard.press('Enter');
  await outcome(page, collector, { expected: ['form_error'], tolerated: [], where: (s) => s.signal.startsWith('form') });
});
