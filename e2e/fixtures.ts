import { test as base, expect, type Page, type Locator } from '@playwright/test';
import { startCollector, createMemoryStore } from '../packages/collector/dist/index.js';
import { startSiteServer } from '../examples/site-server.mjs';

/** No inline script or style, no eval; data may go only to loopback collectors. */
export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self' http://127.0.0.1:*",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

type StoredEvent = Record<string, unknown> & { id: string; type: string };

interface Collector {
  url: string;
  endpoint: string;
  /** Every event the collector stored, oldest first. */
  events(type?: string): Promise<StoredEvent[]>;
}

interface Site {
  url: string;
  origin: string;
  setEndpoint(endpoint: string): void;
}

/**
 * A real collector per test (in memory, real HTTP on loopback) and one example
 * site per worker whose pages send to it.
 */
export const test = base.extend<{ collector: Collector; requests: { url: string; body: string }[] }, { site: Site }>({
  site: [
    async ({}, use) => {
      let endpoint = 'http://127.0.0.1:9/collect';
      const server = await startSiteServer({
        endpoint: () => endpoint,
        mounts: {
          '/e2e/': new URL('./pages', import.meta.url).pathname,
          '/react/': new URL('../examples/react-app/dist', import.meta.url).pathname,
          '/vue/': new URL('../examples/vue-app/dist', import.meta.url).pathname,
        },
        // Pages under /e2e/csp/ are served with a strict Content-Security-Policy.
        headers: (path: string): Record<string, string> => (path.startsWith('/e2e/csp/') ? { 'content-security-policy': STRICT_CSP } : {}),
      });
      await use({ url: server.url, origin: server.url, setEndpoint: (e) => (endpoint = e) });
      await server.close();
    },
    { scope: 'worker' },
  ],
  collector: async ({ site }, use) => {
    const store = createMemoryStore();
    const collector = await startCollector({ port: 0, store, allowedOrigins: [site.origin], exposeEvents: true });
    const endpoint = `${collector.url}/collect`;
    site.setEndpoint(endpoint);
    await use({
      url: collector.url,
      endpoint,
      events: async (type) => (await store.list(type ? { type } : {})) as StoredEvent[],
    });
    await collector.close();
  },
  // Every request the page makes, with its body, for privacy assertions.
  requests: async ({ page }, use) => {
    const seen: { url: string; body: string }[] = [];
    page.on('request', (request) => seen.push({ url: request.url(), body: request.postData() ?? '' }));
    await use(seen);
  },
});

export { expect };

/** Clicks the centre of `target` `times` times with real mouse input, `gapMs` apart. */
export const rapidClicks = async (page: Page, target: Locator, times: number, gapMs = 90) => {
  const box = await target.boundingBox();
  if (!box) throw new Error('target is not visible');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  for (let i = 0; i < times; i++) {
    await page.mouse.click(x, y);
    await page.waitForTimeout(gapMs);
  }
};

/** Clicks the centre of `target` once with real mouse input. */
export const mouseClick = async (page: Page, target: Locator) => {
  const box = await target.boundingBox();
  if (!box) throw new Error('target is not visible');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
};

/** Asks the page's Attune to send what it holds now (the public `flush()`). */
export const flush = (page: Page) => page.evaluate(() => (window as unknown as { attune: { flush(): Promise<void> } }).attune.flush());
