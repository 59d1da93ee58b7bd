import { test, expect, rapidClicks, mouseClick, flush } from './fixtures';

const attuneFiles = (requests: { url: string }[]) => requests.map((r) => new URL(r.url).pathname).filter((p) => p.startsWith('/attune/'));

test('a calm visit loads attune.js and, as the page has a form, the form detectors: no rules engine, no widget, no sender', async ({
  page,
  site,
  requests,
}) => {
  await page.goto(`${site.url}/`);
  await mouseClick(page, page.getByRole('button', { name: 'Allow' }));
  // A calm visitor: reads, scrolls slowly, opens one FAQ answer.
  for (let i = 0; i < 6; i++) {
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(150);
  }
  await mouseClick(page, page.getByText('Can I change plans later?'));
  await page.waitForTimeout(1500);
  expect(attuneFiles(requests)).toEqual(['/attune/attune-snippet.js', '/attune/attune.js', '/attune/attune-forms.js']);
});

test('evidence of struggle loads the rules engine, and the widget only once help is shown', async ({ page, site, requests }) => {
  await page.goto(`${site.url}/`);
  await mouseClick(page, page.getByRole('button', { name: 'Allow' }));
  const term = page.locator('[data-attune="plan-team"] .term').first();
  await term.scrollIntoViewIfNeeded();
  await rapidClicks(page, term, 4);
  await expect(page.locator('[data-attune-ui]')).toHaveCount(1);
  const loaded = attuneFiles(requests);
  expect(loaded.filter((file) => file !== '/attune/attune-send.js' && file !== '/attune/attune-forms.js')).toEqual([
    '/attune/attune-snippet.js',
    '/attune/attune.js',
    '/attune/attune-engine.js',
    '/attune/attune-widget.js',
    // The card's interface strings come as a chunk of their own, in the page's language only.
    '/attune/attune-widget-en.js',
  ]);
  // The sending half of the pipe comes once there are events to send (the rage click, the help shown).
  await flush(page);
  expect(attuneFiles(requests).filter((file) => file === '/attune/attune-send.js')).toEqual(['/attune/attune-send.js']);
});

test('a rules file that answers 404 leaves the page working with one clear console warning', async ({ page, site }) => {
  const warnings: string[] = [];
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site.url}/e2e/script-tag/missing-rules.html`);
  await expect.poll(() => warnings.filter((w) => w.startsWith('[attune]')).length).toBe(1);
  expect(warnings.find((w) => w.startsWith('[attune]'))).toMatch(/does-not-exist\.json answered 404/);
  await mouseClick(page, page.getByRole('button', { name: 'Clicked 0 times' }));
  await expect(page.getByRole('button')).toHaveText('Clicked 1 times');
  expect(errors).toEqual([]);
});

test('a dead script URL leaves the page and its early attune() calls harmless', async ({ page, site }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site.url}/e2e/script-tag/dead-script.html`);
  await page.evaluate(() => (window as unknown as { attune: (...a: unknown[]) => void }).attune('setConsent', { measurement: true }));
  await mouseClick(page, page.getByRole('button', { name: 'Clicked 0 times' }));
  await expect(page.getByRole('button')).toHaveText('Clicked 1 times');
  expect(errors).toEqual([]);
});

test('calls queued before attune.js loaded are replayed in order once it has', async ({ page, site, collector }) => {
  await page.goto(`${site.url}/e2e/script-tag/queued.html`);
  await expect
    .poll(async () => {
      await flush(page);
      return (await collector.events('conversion')).map((e) => e.goal);
    })
    .toEqual(['demo_booked', 'newsletter']);
});

const addAttune = (page: import('@playwright/test').Page, integrity: string) =>
  page.evaluate((hash) => {
    const script = document.createElement('script');
    script.src = '/attune/attune.js';
    script.integrity = hash;
    script.crossOrigin = 'anonymous';
    script.dataset.rules = 'rules.json';
    script.dataset.consent = 'granted';
    document.head.append(script);
    return new Promise<string>((resolve) => {
      script.onload = () => resolve('loaded');
      script.onerror = () => resolve('blocked');
    });
  }, integrity);

test('the sha384 integrity the build prints lets attune.js load, and a wrong one blocks it', async ({ page, site }) => {
  const { measure } = await import('../scripts/sizes.mjs');
  const { integrity } = measure('packages/attune/dist/attune.js');
  await page.goto(`${site.url}/e2e/script-tag/blank.html`);
  expect(await addAttune(page, integrity)).toBe('loaded');
  expect(await page.evaluate(() => typeof (window as unknown as { attune?: { flush?: unknown } }).attune?.flush)).toBe('function');

  await page.goto(`${site.url}/e2e/script-tag/blank.html`);
  expect(await addAttune(page, `sha384-${'A'.repeat(64)}`)).toBe('blocked');
  expect(await page.evaluate(() => typeof (window as unknown as { attune?: unknown }).attune)).toBe('undefined');
});
