import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { test as base, mouseClick } from '../fixtures';
import { startSiteServer } from '../../examples/site-server.mjs';

const dist = (app: string) => fileURLToPath(new URL(`../../examples/${app}/dist`, import.meta.url));

/** The built example apps, mounted where their Vite `base` expects them. */
export const APP_MOUNTS: Record<string, string> = {
  '/e2e/': fileURLToPath(new URL('../pages', import.meta.url)),
  '/react/': dist('react-app'),
  '/vue/': dist('vue-app'),
};

/**
 * The shared fixtures, with a `site` that also serves the built React and Vue apps. The
 * server rewrites each page's `data-endpoint`, which is where the apps read their endpoint,
 * so their events reach the test's collector.
 */
export const test = base.extend<object, { site: { url: string; origin: string; setEndpoint(endpoint: string): void } }>({
  site: [
    async ({}, use) => {
      let endpoint = 'http://127.0.0.1:9/collect';
      const server = await startSiteServer({ endpoint: () => endpoint, mounts: APP_MOUNTS });
      await use({ url: server.url, origin: server.url, setEndpoint: (e) => (endpoint = e) });
      await server.close();
    },
    { scope: 'worker' },
  ],
});

/** Fails with a clear message when an example app has not been built. */
export const requireBuilt = (app: 'react-app' | 'vue-app') => {
  if (!existsSync(`${dist(app)}/index.html`)) {
    throw new Error(`examples/${app}/dist is missing: build it first (pnpm --filter "./examples/*-app" build)`);
  }
};

export { expect, rapidClicks, mouseClick } from '../fixtures';

/**
 * Marks the current document, so a test can prove later that a route change did not load a
 * new page (the mark survives History API navigation only).
 */
export const markDocument = (page: Page) => page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

/** Whether the document marked by {@link markDocument} is still the one shown. */
export const isSameDocument = (page: Page) =>
  page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);

/** Polls the collector until `count` events of `type` arrived (the app flushes on its own timer). */
export const SEND_TIMEOUT = { timeout: 20_000, intervals: [250, 500, 1000] };

/** Scrolls `target` into view, then clicks its centre with the real mouse. */
export const clickInView = async (page: Page, target: Locator) => {
  await target.scrollIntoViewIfNeeded();
  await mouseClick(page, target);
};

/**
 * Resolves when Attune's debug log (pages opened with `?attune-debug`) reports a signal whose
 * line contains `text`, such as `form_error on signup/workspace ×2`. Start waiting before the
 * input that should cause it.
 */
export const signalLogged = (page: Page, text: string) =>
  page.waitForEvent('console', { predicate: (message) => message.text().includes(`[attune] signal ${text}`), timeout: 8_000 });
