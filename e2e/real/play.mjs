// Plays the corpus's sessions in one shared browser, for the Playwright spec (Attune and no SDK)
// and for `pnpm bench:detection` (Attune, PostHog, Datadog and no SDK). The sessions and their
// expectations live in e2e/real/<page>/sessions.mjs (listed in ./corpus.mjs); this file only
// plays and records them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createVisitor } from './visitor.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The rules file `attune init` writes (run from packages/cli/dist), as a site owner starts. */
export const starterRules = () => {
  const dir = mkdtempSync(join(tmpdir(), 'attune-init-'));
  try {
    execFileSync(process.execPath, [join(root, 'packages/cli/dist/cli.js'), 'init'], { cwd: dir, stdio: 'ignore' });
    return readFileSync(join(dir, 'attune-rules.json'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** The friction signals every product is scored on (names as in packages/rules/src/types.ts). */
export const CORE_SIGNALS = ['rage_click', 'dead_click', 'error_click', 'form_error', 'form_abandon'];

/**
 * Attune as a product under test: its script tag from `distDir` (served at /attune/), sending to
 * `collector`, with `rules` (a rules file's text) at /rules.json. `site` names its events in the
 * collector: sessions played at once against one collector each take their own, so one session's
 * signals are never read as another's.
 * @param {{ collector: { url: string, events(): Promise<object[]> }, site?: string }} options
 */
export const attuneProduct = ({ collector, site = 'corpus' }) => ({
  name: 'attune',
  key: site === 'corpus' ? 'attune' : `attune-${site}`,
  configured: 'script tag (attune.js) with default signals, consent granted, the starter rules of `attune init`, sending to a local collector (memory store)',
  head: () =>
    `<script async src="/attune/attune.js" data-rules="/rules.json" data-endpoint="${collector.url}/collect" data-site="${site}" data-consent="granted"></script>`,
  async ready(page) {
    await page.waitForFunction(() => window.attune?.ready, null, { timeout: 30_000 });
    await page.evaluate(() => window.attune.ready);
  },
  async flush(page) {
    if (page.isClosed()) return;
    await page.evaluate(() => window.attune?.flush?.()).catch(() => {});
  },
  async cursor() {
    return (await collector.events()).filter((e) => e.site === site).length;
  },
  async since(cursor) {
    const all = (await collector.events()).filter((e) => e.site === site);
    const fresh = all.slice(cursor);
    return {
      cursor: all.length,
      signals: fresh.filter((e) => e.type === 'signal').map((e) => ({ signal: String(e.signal), target: String(e.target) })),
      cards: fresh.filter((e) => e.type === 'shown').length,
    };
  },
});

/** No SDK at all: the page as its authors shipped it (the baseline for state probes). */
export const noProduct = () => ({
  name: 'none',
  configured: 'no SDK: the page as shipped',
  head: () => '',
  async ready() {},
  async flush() {},
  async cursor() {
    return 0;
  },
  async since() {
    return { cursor: 0, signals: [], cards: 0 };
  },
});

/**
 * How long after a step each expected signal needs before it is read, ms: the detector's own
 * window (packages/core/src/signals: a dead click is judged 2500 ms after the click, a rage burst
 * ends 1000 ms after its last click, a blocked submit is judged 500 ms after it; disabled clicks
 * and abandonment are emitted at once) plus 300 ms for the batch to be sent. Others wait 3 s.
 */
const SETTLE = { dead_click: 2800, rage_click: 1300, form_error: 800, disabled_click: 300, form_abandon: 600 };

const probeOf = async (page, probe) => {
  let last;
  // A step may end while the page is loading its next document (a form that reloads it): wait
  // for the load and read again.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await page.waitForLoadState('load');
      await page
        .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity), null, { timeout: 800 })
        .catch(() => {});
      return JSON.stringify(await page.evaluate(probe));
    } catch (error) {
      last = error;
      await page.waitForTimeout(300);
    }
  }
  return `probe failed: ${String(last?.message ?? last).split('\n')[0]}`;
};

/**
 * Plays one session of one page with one product in a fresh browser context.
 * @returns {Promise<{ steps: { name: string, expect: string[], tolerate: string[], signals: object[], cards: number, probe: string }[], errors: string[], failed?: string }>}
 *   per step: what the session expects, the product's signals seen during the step (and its settle
 *   time), help cards shown, and the state probe afterwards; the page errors of the whole run.
 */
export const playSession = async ({ browser, server, product, page: corpusPage, session, allowOrigins = [], quick = false }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const allowed = [server.url, ...allowOrigins];
  // No network: anything that is not the corpus server or a local collector is refused.
  await context.route(
    (url) => !allowed.some((origin) => url.href.startsWith(origin)),
    (route) => route.abort(),
  );
  // The server puts the product under test at the start of each page's <head>, chosen by this
  // context's cookie, so several products can play at once in one browser. (Documents answered
  // by Playwright's router instead would count as public pages, and Chromium's local network
  // access checks would then refuse their requests to the loopback collector.)
  const key = product.key ?? product.name;
  server.useHead(key, product.head());
  await context.addCookies([{ name: 'corpus-sdk', value: key, url: server.url }]);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error.message ?? error).split('\n')[0]));
  page.on('dialog', (dialog) => dialog.accept().catch(() => {}));
  const visitor = createVisitor(page, server.url);
  const steps = [];
  let failed;
  try {
    await page.goto(`${server.url}/real/${corpusPage.name}/${corpusPage.start ?? 'index.html'}`);
    await product.ready(page);
    let cursor = await product.cursor();
    for (const step of session.steps) {
      const expect = step.expect ?? [];
      const settle = step.settle ?? Math.max(250, ...expect.map((signal) => SETTLE[signal] ?? 3000));
      await step.run(visitor);
      await page.waitForTimeout(quick ? Math.min(settle, 400) : settle);
      await product.flush(page);
      if (!quick) await page.waitForTimeout(150);
      const seen = await product.since(cursor);
      cursor = seen.cursor;
      steps.push({ name: step.name, expect, tolerate: step.tolerate ?? [], signals: seen.signals, cards: seen.cards, probe: await probeOf(page, corpusPage.probe) });
    }
    // What arrives late (a dead-click wait still running, a beacon) belongs to the last step.
    await page.waitForTimeout(quick ? 300 : 2800);
    await product.flush(page);
    if (!quick) await page.waitForTimeout(200);
    const late = await product.since(cursor);
    const last = steps[steps.length - 1];
    if (last) {
      last.signals.push(...late.signals);
      last.cards += late.cards;
    }
  } catch (error) {
    failed = String(error?.message ?? error).split('\n')[0];
  } finally {
    await context.close();
  }
  return { steps, errors, failed };
};
