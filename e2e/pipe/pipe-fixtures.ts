// Fixtures for the pipe suites: a real collector whose store counts every insert
// attempt per event id, behind a fault-injecting proxy that the pages send to.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, Request } from '@playwright/test';
import { startCollector, createMemoryStore } from '../../packages/collector/dist/index.js';
import { test as base, expect } from '../fixtures';
import { startFaultProxy, type FaultProxy } from './fault-proxy';

type StoredEvent = Record<string, unknown> & { id: string; type: string };

export interface Lab {
  proxy: FaultProxy;
  /** Every stored event, oldest first. */
  stored(type?: string): Promise<StoredEvent[]>;
  /** How often each event id reached the store's insert (stored once, or reported as a duplicate). */
  attempts: Map<string, number>;
  /** Events the store reported as duplicates over all inserts. */
  duplicatesReported(): number;
  /** Every request any page of the test's context made, with its body. */
  requests: { url: string; body: string; at: number }[];
}

export const test = base.extend<{ lab: Lab }>({
  lab: async ({ site, context }, use) => {
    const inner = createMemoryStore();
    const attempts = new Map<string, number>();
    let duplicates = 0;
    const store = {
      ...inner,
      async insert(events: readonly { id: string }[], siteId: string) {
        const result = await inner.insert(events as Parameters<typeof inner.insert>[0], siteId);
        for (const e of events) attempts.set(e.id, (attempts.get(e.id) ?? 0) + 1);
        duplicates += result.duplicates;
        return result;
      },
    };
    const collector = await startCollector({ port: 0, store, allowedOrigins: [site.origin], rateLimit: false });
    const proxy = await startFaultProxy(collector.url, site.origin);
    site.setEndpoint(proxy.endpoint);
    const requests: Lab['requests'] = [];
    const onRequest = (request: Request) => requests.push({ url: request.url(), body: request.postData() ?? '', at: Date.now() });
    context.on('request', onRequest);
    await use({
      proxy,
      stored: async (type) => (await inner.list(type ? { type } : {})) as StoredEvent[],
      attempts,
      duplicatesReported: () => duplicates,
      requests,
    });
    context.off('request', onRequest);
    await proxy.close();
    await collector.close();
  },
});

export { expect };

type AttuneGlobal = {
  ready: Promise<void>;
  flush(): Promise<void>;
  track(name: 'conversion', props: { goal: string }): void;
  setConsent(choice: Record<string, boolean>): void;
};

/** Opens a pipe fixture page and waits until Attune runs. */
export const openFixture = async (page: Page, siteUrl: string, name: string) => {
  await page.goto(`${siteUrl}/e2e/pipe/${name}.html`);
  await page.waitForFunction(() => typeof (window as unknown as { attune?: { ready?: unknown } }).attune?.ready === 'object');
  await page.evaluate(() => (window as unknown as { attune: AttuneGlobal }).attune.ready);
};

/** Records conversions as a site does, one `attune.track('conversion', { goal })` call per goal. */
export const track = (page: Page, goals: string[]) =>
  page.evaluate((list) => {
    for (const goal of list) (window as unknown as { attune: AttuneGlobal }).attune.track('conversion', { goal });
  }, goals);

/** Calls the public `attune.flush()`; resolves `false` when the page is gone. */
export const flushPage = (page: Page) =>
  page
    .evaluate(() => (window as unknown as { attune: AttuneGlobal }).attune.flush())
    .then(() => true)
    .catch(() => false);

/** One rage-click burst (4 real clicks, 80 ms apart) on each of the fixture's dead buttons named in `labels`. */
export const rageBursts = async (page: Page, labels: string[]) => {
  for (const label of labels) {
    const box = await page.locator(`[data-attune="${label}"]`).boundingBox();
    if (!box) throw new Error(`${label} is not visible`);
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    for (let i = 0; i < 4; i++) {
      await page.mouse.click(x, y);
      await page.waitForTimeout(80);
    }
  }
  // A burst is emitted once its 1 s window closes.
  await page.waitForTimeout(1100);
};

/**
 * Clicks the fixture's "Book a demo" button `times` times with the real mouse; the page's own
 * script tracks one conversion per click, named `${run}-c1`, `${run}-c2`… Returns those goals.
 */
export const clickGoals = async (page: Page, run: string, times: number) => {
  await page.evaluate((name) => {
    document.body.dataset.run = name;
  }, run);
  const box = await page.locator('#book').boundingBox();
  if (!box) throw new Error('#book is not visible');
  for (let i = 0; i < times; i++) {
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(60);
  }
  return Array.from({ length: times }, (_, i) => `${run}-c${i + 1}`);
};

/** The count of events sent, stored, stored twice and lost for one fault case. */
export interface CaseFigures {
  case: string;
  sent: number;
  stored: number;
  duplicated: number;
  lost: number;
  /** Deliveries of an already stored id that the collector's dedupe absorbed. */
  redelivered: number;
  /** POSTs that reached the proxy. */
  requests: number;
}

// ATTUNE_FAULT_TABLE moves it, for runs that must not share test-results/ with another run.
const TABLE = process.env.ATTUNE_FAULT_TABLE ?? fileURLToPath(new URL('../../test-results/fault-table.jsonl', import.meta.url));

/**
 * Compares what a case generated with what the collector stored: `expected`
 * maps each event's identity (conversion goal or rage-click target) to its
 * type. Appends one line to test-results/fault-table.jsonl and returns it.
 */
export const tally = async (lab: Lab, name: string, expected: Map<string, 'conversion' | 'signal'>): Promise<CaseFigures> => {
  const events = await lab.stored();
  const keyOf = (e: StoredEvent) => (e.type === 'conversion' ? String(e.goal) : e.type === 'signal' ? String(e.target) : '');
  const byKey = new Map<string, number>();
  for (const e of events) if (expected.get(keyOf(e)) === e.type) byKey.set(keyOf(e), (byKey.get(keyOf(e)) ?? 0) + 1);
  const ids = events.map((e) => e.id);
  const figures: CaseFigures = {
    case: name,
    sent: expected.size,
    stored: byKey.size,
    // The same event under two ids, or one id in two rows.
    duplicated: [...byKey.values()].reduce((n, c) => n + c - 1, 0) + (ids.length - new Set(ids).size),
    lost: [...expected.keys()].filter((k) => !byKey.has(k)).length,
    redelivered: lab.duplicatesReported(),
    requests: lab.proxy.log.length,
  };
  mkdirSync(dirname(TABLE), { recursive: true });
  appendFileSync(TABLE, `${JSON.stringify(figures)}\n`);
  return figures;
};

/**
 * Waits until every expected event is stored, calling `flush()` on `page` each round when
 * given, for at most `timeout` ms. It does not fail by itself: the case's tally then counts
 * what is missing as lost, so the fault table shows it and the test's assertion names it.
 */
export const waitForAll = async (lab: Lab, expected: Map<string, string>, page?: Page, timeout = 20_000) => {
  const deadline = Date.now() + timeout;
  for (let round = 0; Date.now() < deadline; round++) {
    if (page && !page.isClosed()) await flushPage(page);
    const keys = new Set((await lab.stored()).map((e) => (e.type === 'conversion' ? String(e.goal) : String(e.target))));
    if ([...expected.keys()].every((k) => keys.has(k))) return;
    await new Promise((r) => setTimeout(r, round < 4 ? 250 : 1000));
  }
};

/** Makes `count` goals named after the case. */
export const goalsFor = (name: string, count: number) => Array.from({ length: count }, (_, i) => `${name}-g${i}`);

export const expectedOf = (goals: string[], targets: string[] = []) =>
  new Map<string, 'conversion' | 'signal'>([
    ...goals.map((g) => [g, 'conversion'] as const),
    ...targets.map((t) => [t, 'signal'] as const),
  ]);
