import { appendFileSync, mkdirSync } from 'node:fs';
import { test, expect, flush } from '../fixtures';
import type { Page } from '@playwright/test';

/** Where every scenario writes one JSON line; `scripts/signal-accuracy.mjs` reads it. */
export const SCENARIO_LOG = 'test-results/signal-scenarios.jsonl';

export interface Observed {
  signal: string;
  target: string;
  count: number;
  confidence?: string;
}

type Collector = { events(type?: string): Promise<Record<string, unknown>[]> };

/** Opens a fixture page under e2e/pages/signals/ and waits until Attune's detectors run. */
export const open = async (page: Page, siteUrl: string, file: string) => {
  await page.goto(`${siteUrl}/e2e/signals/${file}`);
  await page.waitForFunction(() => (window as unknown as { attune?: { ready?: Promise<void> } }).attune?.ready);
  await page.evaluate(() => (window as unknown as { attune: { ready: Promise<void> } }).attune.ready);
};

/** The signals the collector stored, after the page sent what it held. */
export const received = async (page: Page | null, collector: Collector): Promise<Observed[]> => {
  if (page && !page.isClosed()) await flush(page).catch(() => {});
  return (await collector.events('signal')).map((e) => ({
    signal: String(e.signal),
    target: String(e.target),
    count: Number(e.count),
    ...(e.confidence ? { confidence: String(e.confidence) } : {}),
  }));
};

interface Outcome {
  /** Signal types this scenario must produce (empty: a negative scenario). */
  expected: string[];
  /** Signal types that may also appear without counting as false positives (a rage burst on a dead button is also dead). */
  tolerated?: string[];
  /** Only signals on targets this accepts belong to the scenario (several scenarios sharing one page). */
  where?: (s: Observed) => boolean;
  /** A negative scenario waits this long before looking, ms (the detector's own window plus margin). */
  quietMs?: number;
  /** Scenario name in the log (default: the test title). */
  name?: string;
}

/**
 * Waits for the scenario's outcome at the collector, records it as one JSON line (name,
 * expected, tolerated, observed signals) and asserts it: every expected type arrived, and
 * nothing else did except tolerated types. Returns the scenario's signals.
 */
export const outcome = async (page: Page | null, collector: Collector, o: Outcome): Promise<Observed[]> => {
  const mine = async () => (await received(page, collector)).filter(o.where ?? (() => true));
  const missing = (seen: Observed[]) => o.expected.filter((t) => !seen.some((s) => s.signal === t));
  if (o.expected.length) {
    await expect
      .poll(async () => missing(await mine()), { timeout: 8000, intervals: [250] })
      .toEqual([])
      .catch(() => {});
  } else if (page) {
    await page.waitForTimeout(o.quietMs ?? 1500);
  }
  const seen = await mine();
  // slow_interaction measures the machine: on a loaded test box ordinary clicks pass 500 ms, so outside
  // the slow scenarios it is recorded but not held against the scenario.
  const tolerated = [...(o.tolerated ?? []), ...(o.expected.includes('slow_interaction') ? [] : ['slow_interaction'])];
  mkdirSync('test-results', { recursive: true });
  appendFileSync(
    SCENARIO_LOG,
    `${JSON.stringify({ name: o.name ?? test.info().title, file: test.info().file.split('/').pop(), expected: o.expected, tolerated, observed: seen })}\n`,
  );
  expect(missing(seen), 'expected signals that never arrived').toEqual([]);
  expect(
    seen.filter((s) => !o.expected.includes(s.signal) && !tolerated.includes(s.signal)),
    'signals this scenario must not produce',
  ).toEqual([]);
  // What a scenario asserts on: its own signals, without the machine's slow interactions.
  return seen.filter((s) => s.signal !== 'slow_interaction' || o.expected.includes('slow_interaction'));
};

export { test, expect };
