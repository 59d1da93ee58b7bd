import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EventStore } from '../src/event-store';
import { summarizeEvents, type SummarizeOptions } from '../src/report/summarize-events';
import type { WireEvent } from '../src/wire-batch';
import { REPORT_EXPECTED, REPORT_SITE, REPORT_START, reportEvents } from './report-fixtures';

const DAY = 86_400_000;

/**
 * The report fixtures plus what they lack: shadow decisions a guardrail blocked,
 * events without a visitor id or device, and another site's events.
 */
export function reportContractEvents(): { site: string; events: WireEvent[] }[] {
  const events = reportEvents() as WireEvent[];
  let c = 0;
  const id = (ts: number) => {
    const hex = ts.toString(16).padStart(12, '0');
    const n = c++;
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7fff-bfff-${n.toString(16).padStart(12, '0')}`;
  };
  const guards = ['session_cap', 'min_gap', 'cooldown', 'day_cap'];
  const extra: WireEvent[] = [];
  for (let n = 0; n < 90; n++) {
    const ts = REPORT_START + (n % 14) * DAY + 3_600_000 + n * 1000;
    extra.push({
      id: id(ts),
      type: 'decision',
      purpose: 'help',
      ts,
      path: n % 3 ? '/pricing' : '/checkout',
      vid: `ex_blk${String.fromCharCode(97 + (n % 26))}${String.fromCharCode(97 + Math.floor(n / 26))}`,
      device: n % 4 ? 'desktop' : 'mobile',
      referrer: 'search',
      rule: 'exit-offer',
      shadow: true,
      blocked: guards[n % guards.length],
    });
  }
  for (let n = 0; n < 40; n++) {
    const ts = REPORT_START + (n % 14) * DAY + 7_200_000 + n;
    extra.push({ id: id(ts), type: 'signal', purpose: 'measurement', ts, path: '/checkout', signal: 'dead_click', target: '#pay' });
  }
  const other: WireEvent[] = [];
  for (let n = 0; n < 30; n++) {
    const ts = REPORT_START + n * 1000;
    other.push({
      id: id(ts),
      type: 'signal',
      purpose: 'measurement',
      ts,
      path: '/blog',
      vid: `blog_${n}`,
      signal: 'rage_click',
      target: '.x',
    });
  }
  return [
    { site: REPORT_SITE, events: [...events, ...extra] },
    { site: 'blog', events: other },
  ];
}

/** Report options the contract compares: defaults, a goal, small thresholds, a date range, segments. */
export const REPORT_CONTRACT_OPTIONS: readonly SummarizeOptions[] = [
  { site: REPORT_SITE },
  {},
  { site: REPORT_SITE, goal: REPORT_EXPECTED.goal },
  { site: REPORT_SITE, goal: REPORT_EXPECTED.goal, minCount: 1, minSamplePerArm: 5, maxRows: 3 },
  { site: REPORT_SITE, from: REPORT_START + 3 * DAY, to: REPORT_START + 9 * DAY, minCount: 5 },
  { site: REPORT_SITE, device: 'mobile', minCount: 3 },
  { site: REPORT_SITE, referrer: 'unknown', minCount: 2 },
  { site: 'nobody' },
];

/**
 * Every store's `report()` gives the figures the reference summariser gives on
 * the same events, for every option set above. Each store's test file calls this
 * with a factory for a fresh, empty store.
 */
export function reportContract(open: () => Promise<EventStore>): void {
  let store: EventStore;
  const sets = reportContractEvents();
  const all = sets.flatMap(({ site, events }) => events.map((e) => ({ ...e, site })));
  beforeAll(async () => {
    store = await open();
    for (const { site, events } of sets) for (let i = 0; i < events.length; i += 500) await store.insert(events.slice(i, i + 500), site);
  }, 120_000);
  afterAll(async () => {
    await store?.close();
  });

  for (const options of REPORT_CONTRACT_OPTIONS) {
    it(`report(${JSON.stringify(options)}) has the reference summariser's figures`, async () => {
      const expected = summarizeEvents(all, { ...options, now: 1 });
      const got = await store.report!({ ...options, now: 1 });
      expect(got).toEqual(expected);
    }, 60_000);
  }

  it('the reference figures this contract compares are not empty', () => {
    const s = summarizeEvents(all, { site: REPORT_SITE, minCount: 1 });
    expect(s.rules.length).toBeGreaterThan(2);
    expect(s.shadow[0]?.blockedBy.rows.length).toBeGreaterThan(2);
    expect(s.friction.bySegment.visitor.rows.map((r) => r.key).sort()).toEqual(['new', 'returning', 'unknown']);
    expect(s.vitals.rows.length).toBeGreaterThan(2);
  });
}
