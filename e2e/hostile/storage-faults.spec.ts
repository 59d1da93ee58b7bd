import { test, expect, rapidClicks } from '../fixtures';

// Storage that hangs is storage that failed (#16): each page breaks IndexedDB before attune.js
// loads; Attune must fall back to memory after a bounded wait, warn once, and keep every promise.
const FAULTS = [
  ['an indexedDB.open that never settles', 'idb-hangs'],
  ['an indexedDB getter that throws', 'idb-throws'],
] as const;

type Attune = { ready: Promise<void>; flush(): Promise<void>; forget(): Promise<void> };

for (const [fault, file] of FAULTS) {
  test(`with ${fault}, Attune falls back to memory with one [attune] warning: ready, flush() and forget() settle and rage clicks reach the collector`, async ({
    page,
    site,
    collector,
  }) => {
    const warnings: string[] = [];
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.text().startsWith('[attune]')) warnings.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${site.url}/e2e/hostile/${file}.html`);
    await page.waitForFunction(() => typeof (window as unknown as { attune?: Attune }).attune?.flush === 'function');
    expect(await page.evaluate(() => (window as unknown as { attune: Attune }).attune.ready.then(() => 'settled'))).toBe('settled');

    await rapidClicks(page, page.locator('button'), 5, 80);
    expect(await page.evaluate(() => (window as unknown as { attune: Attune }).attune.flush().then(() => 'settled'))).toBe('settled');
    await expect
      .poll(async () => (await collector.events('signal')).filter((e) => e.signal === 'rage_click').map((e) => e.target), {
        timeout: 15_000,
      })
      .toEqual(['dead-1']);

    expect(await page.evaluate(() => (window as unknown as { attune: Attune }).attune.forget().then(() => 'settled'))).toBe('settled');
    expect(warnings.filter((w) => w.includes('IndexedDB'))).toEqual(['[attune] IndexedDB failed; using memory']);
    expect(errors).toEqual([]);
  });
}
