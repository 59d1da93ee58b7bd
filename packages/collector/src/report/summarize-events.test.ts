import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkJsonSchema, type JsonSchema } from '../check-json-schema';
import { SHADOW_BLOCKS, summarizeEvents } from './summarize-events';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 2, 9);
let seq = 0;

// A stored-looking event; the report reads only these fields.
const ev = (type: string, vid: string | null, fields: Record<string, unknown> = {}, ts = T0 + seq) => ({
  id: `e${++seq}`,
  type,
  purpose: 'measurement',
  ts,
  path: '/p',
  ...(vid ? { vid } : {}),
  device: 'desktop',
  referrer: 'search',
  site: 'shop',
  ...fields,
});
const signal = (vid: string, name: string, fields: Record<string, unknown> = {}, ts?: number) =>
  ev('signal', vid, { signal: name, count: 1, ...fields }, ts);

describe('summarizeEvents: friction', () => {
  it('counts friction by page, target and form field in events and distinct visitors', () => {
    const s = summarizeEvents(
      [
        signal('a', 'rage_click', { target: '#buy' }),
        signal('a', 'rage_click', { target: '#buy' }),
        signal('b', 'rage_click', { target: '#buy' }),
        signal('c', 'dead_click', { target: '.x' }),
        signal('d', 'form_error', { path: '/f', target: '#email' }),
        signal('e', 'form_error', { path: '/f', target: '#email' }),
        signal('d', 'form_abandon', { path: '/f', target: '#email' }),
      ],
      { minCount: 2, now: T0 },
    );
    const page = Object.fromEntries(s.friction.byPage.rows.map((r) => [r.key, r]));
    expect(page['/p']).toEqual({
      key: '/p',
      total: { events: 4, visitors: 3 },
      signals: { rage_click: { events: 3, visitors: 2 }, dead_click: null },
    });
    expect(page['/f']).toEqual({
      key: '/f',
      total: { events: 3, visitors: 2 },
      signals: { form_error: { events: 2, visitors: 2 }, form_abandon: null },
    });
    // Form signals go to fields, the rest to targets; '.x' has one visitor and is folded away.
    expect(s.friction.byTarget).toEqual({
      rows: [{ key: '#buy', total: { events: 3, visitors: 2 }, signals: { rage_click: { events: 3, visitors: 2 } } }],
      other: null,
      folded: 1,
    });
    expect(s.friction.byField.rows.map((r) => [r.key, r.total])).toEqual([['#email', { events: 3, visitors: 2 }]]);
    expect(s.friction.signals).toEqual(['rage_click', 'dead_click', 'form_error', 'form_abandon']);
    expect(s.overview).toEqual({ events: 7, visitors: 5, friction: { events: 7, visitors: 5 }, droppedOnDevice: 0 });
  });

  it('folds groups below minCount into "other", shown only when it reaches minCount itself', () => {
    const events = [
      ...['a', 'b', 'c'].map((v) => signal(v, 'dead_click', { path: '/a' })),
      signal('d', 'dead_click', { path: '/b' }),
      signal('e', 'dead_click', { path: '/c' }),
    ];
    const folded = summarizeEvents(events, { minCount: 2 }).friction.byPage;
    expect(folded.rows.map((r) => r.key)).toEqual(['/a']);
    expect(folded.other).toMatchObject({ key: 'other', total: { events: 2, visitors: 2 } });
    expect(folded.folded).toBe(2);
    const hidden = summarizeEvents(events.slice(0, 4), { minCount: 2 }).friction.byPage;
    expect(hidden.other).toBeNull();
    expect(hidden.folded).toBe(1);
  });

  it('folds rows past maxRows into "other" even when they are large enough', () => {
    const events = ['/a', '/b', '/c'].flatMap((path, i) =>
      Array.from({ length: 3 - i + 2 }, (_, v) => signal(`${path}${v}`, 'dead_click', { path })),
    );
    const table = summarizeEvents(events, { minCount: 2, maxRows: 2 }).friction.byPage;
    expect(table.rows.map((r) => r.key)).toEqual(['/a', '/b']);
    expect(table.other?.total).toEqual({ events: 3, visitors: 3 });
  });

  it('counts an event without a visitor id as a visitor of its own', () => {
    const s = summarizeEvents([ev('signal', null, { signal: 'dead_click' }), ev('signal', null, { signal: 'dead_click' })], {
      minCount: 2,
    });
    expect(s.friction.byPage.rows[0]?.total).toEqual({ events: 2, visitors: 2 });
  });

  it('segments by device, referrer and new or returning (seen on an earlier UTC day)', () => {
    const s = summarizeEvents(
      [
        signal('a', 'hesitation', { device: 'mobile', referrer: 'social' }, T0),
        signal('a', 'hesitation', { device: 'mobile', referrer: 'direct' }, T0 + DAY),
        signal('b', 'hesitation', { device: 'desktop', referrer: 'direct' }, T0 + DAY),
        ev('signal', null, { signal: 'hesitation', device: undefined }, T0 + DAY),
      ],
      { minCount: 1 },
    );
    const keyed = (t: { rows: { key: string; total: { events: number } }[] }) =>
      Object.fromEntries(t.rows.map((r) => [r.key, r.total.events]));
    expect(keyed(s.friction.bySegment.device)).toEqual({ mobile: 2, desktop: 1, unknown: 1 });
    expect(keyed(s.friction.bySegment.referrer)).toEqual({ direct: 2, social: 1, search: 1 });
    expect(keyed(s.friction.bySegment.visitor)).toEqual({ new: 2, returning: 1, unknown: 1 });
  });

  it('trends per UTC day with empty days as zero and small cells as null', () => {
    const s = summarizeEvents(
      [
        signal('a', 'rage_click', {}, T0),
        signal('b', 'rage_click', {}, T0),
        signal('c', 'dead_click', {}, T0),
        signal('a', 'rage_click', {}, T0 + 2 * DAY),
      ],
      { minCount: 2 },
    );
    expect(s.friction.trend).toEqual({
      days: ['2026-11-02', '2026-11-03', '2026-11-04'],
      series: [
        { signal: 'rage_click', values: [2, 0, null] },
        { signal: 'dead_click', values: [null, 0, 0] },
      ],
      total: [3, 0, null],
    });
  });

  it('keeps only the most recent maxDays in the trend', () => {
    const s = summarizeEvents([signal('a', 'dead_click', {}, T0), signal('a', 'dead_click', {}, T0 + 9 * DAY)], {
      minCount: 1,
      maxDays: 3,
    });
    expect(s.friction.trend.days).toEqual(['2026-11-09', '2026-11-10', '2026-11-11']);
    expect(s.friction.trend.total).toEqual([0, 0, 1]);
  });
});

// Builds one rule's visitors: `n` in an arm, the first `converted` converting on the goal after help.
const arm = (rule: string, prefix: string, n: number, converted: number, holdout: boolean) =>
  Array.from({ length: n }, (_, i) => {
    const vid = `${prefix}${i}`;
    const t = T0 + i * 1000;
    return [
      ev('decision', vid, { rule, shadow: false, holdout }, t),
      ...(holdout ? [] : [ev('shown', vid, { rule }, t + 10)]),
      ...(i < converted ? [ev('conversion', vid, { goal: 'signup' }, t + 500)] : []),
    ];
  }).flat();

describe('summarizeEvents: rules', () => {
  it('reproduces Newcombe 1998 example (a): 56/70 with help against 48/80 held out', () => {
    const s = summarizeEvents([...arm('r', 't', 70, 56, false), ...arm('r', 'h', 80, 48, true)], { minCount: 20, goal: 'signup' });
    const rule = s.rules[0]!;
    expect(rule.funnel).toEqual({ eligible: 150, holdout: 80, treatment: 70, shown: 70, engaged: 0, dismissed: 0, converted: 56 });
    expect(rule.comparison.status).toBe('estimate');
    if (rule.comparison.status !== 'estimate') return;
    expect(rule.comparison.treatment).toMatchObject({ n: 70, converted: 56, rate: 0.8 });
    expect(rule.comparison.holdout).toMatchObject({ n: 80, converted: 48, rate: 0.6 });
    expect(rule.comparison.lift.difference).toBeCloseTo(0.2, 10);
    expect(rule.comparison.lift.interval[0]).toBeCloseTo(0.0524, 4);
    expect(rule.comparison.lift.interval[1]).toBeCloseTo(0.3339, 4);
    expect(rule.comparison.verdict).toBe('helps');
    expect(rule.comparison.method).toMatch(/Newcombe.*method 10.*Wilson/);
  });

  it('counts conversions only on the goal and only at or after the visitor’s first decision', () => {
    const events = [
      ...arm('r', 't', 30, 0, false),
      ...arm('r', 'h', 30, 0, true),
      // Before the decision: not counted.
      ev('conversion', 't0', { goal: 'signup' }, T0 - 1),
      // Another goal: not counted.
      ev('conversion', 't1', { goal: 'newsletter' }, T0 + 1000 + 600),
      // On the goal, after: counted, once however many times it happens.
      ev('conversion', 't2', { goal: 'signup' }, T0 + 2000 + 600),
      ev('conversion', 't2', { goal: 'signup' }, T0 + 2000 + 700),
      ev('conversion', 'h3', { goal: 'signup' }, T0 + 3000 + 600),
    ];
    const rule = summarizeEvents(events, { minCount: 1, goal: 'signup' }).rules[0]!;
    expect(rule.funnel.converted).toBe(1);
    expect(rule.comparison).toMatchObject({
      status: 'estimate',
      treatment: { n: 30, converted: 1 },
      holdout: { n: 30, converted: 1 },
      verdict: 'unclear',
    });
    // Without a declared goal every conversion after the decision counts.
    const anyGoal = summarizeEvents(events, { minCount: 1 }).rules[0]!;
    expect(anyGoal.comparison).toMatchObject({ treatment: { converted: 2 } });
  });

  it('assigns each visitor to the arm of its first decision, and ignores shadow decisions in the funnel', () => {
    const events = [
      ev('decision', 'a', { rule: 'r', holdout: true }, T0),
      ev('decision', 'a', { rule: 'r', holdout: false }, T0 + 1),
      ev('decision', 'b', { rule: 'r', shadow: true }, T0 + 2),
    ];
    const rule = summarizeEvents(events, { minCount: 1 }).rules[0]!;
    expect(rule.funnel).toMatchObject({ eligible: 1, holdout: 1, treatment: 0 });
  });

  it('says "not enough data" below the minimum per arm, with small arm sizes suppressed', () => {
    const rule = summarizeEvents([...arm('r', 't', 40, 10, false), ...arm('r', 'h', 12, 3, true)], { minCount: 20, minSamplePerArm: 30 })
      .rules[0]!;
    expect(rule.comparison).toEqual({ status: 'not_enough_data', need: 30, treatment: 40, holdout: null });
    expect(rule.funnel).toMatchObject({ eligible: 52, holdout: null, treatment: 40, converted: null });
  });

  it('never lets minSamplePerArm fall below minCount', () => {
    const rule = summarizeEvents([...arm('r', 't', 25, 10, false), ...arm('r', 'h', 25, 3, true)], { minCount: 30, minSamplePerArm: 5 })
      .rules[0]!;
    expect(rule.comparison).toMatchObject({ status: 'not_enough_data', need: 30 });
  });

  it('reports a rule without holdout decisions as having no holdout', () => {
    const s = summarizeEvents(
      [
        ...arm('only', 't', 3, 1, false),
        ev('engaged', 't0', { rule: 'only', action: 'link' }),
        ev('dismissed', 't1', { rule: 'only', kind: 'dismiss' }),
      ],
      { minCount: 1 },
    );
    expect(s.rules[0]).toMatchObject({
      rule: 'only',
      funnel: { eligible: 3, shown: 3, engaged: 1, dismissed: 1, converted: 1 },
      comparison: { status: 'no_holdout' },
    });
  });

  it('orders rules by eligible visitors', () => {
    const s = summarizeEvents([...arm('small', 's', 2, 0, false), ...arm('big', 'b', 5, 0, false)], { minCount: 1 });
    expect(s.rules.map((r) => r.rule)).toEqual(['big', 'small']);
  });
});

describe('summarizeEvents: shadow rules, vitals and privacy', () => {
  it('counts how often each shadow rule would have fired, by page and segment', () => {
    const events = [
      ...['a', 'b', 'c'].map((v) => ev('decision', v, { rule: 'exit', shadow: true, path: '/pricing', device: 'mobile' })),
      ev('decision', 'd', { rule: 'exit', shadow: true, path: '/checkout' }),
      ev('decision', 'a', { rule: 'exit', shadow: true, path: '/pricing', device: 'mobile' }),
    ];
    const s = summarizeEvents(events, { minCount: 2 });
    expect(s.rules).toEqual([]);
    expect(s.shadow).toHaveLength(1);
    const shadow = s.shadow[0]!;
    expect(shadow.wouldFire).toEqual({ events: 5, visitors: 4 });
    expect(shadow.byPage.rows.map((r) => [r.key, r.total])).toEqual([['/pricing', { events: 4, visitors: 3 }]]);
    expect(shadow.byPage.folded).toBe(1);
    expect(shadow.byDevice.rows.map((r) => r.key)).toEqual(['mobile']);
  });

  it('counts how often caps would have blocked each shadow rule, by guardrail, page and segment, apart from would-fire', () => {
    const events = [
      ...['a', 'b'].map((v) => ev('decision', v, { rule: 'exit', shadow: true, path: '/pricing' })),
      ...['c', 'd', 'e'].map((v) =>
        ev('decision', v, { rule: 'exit', shadow: true, blocked: 'session_cap', path: '/pricing', device: 'mobile' }),
      ),
      ev('decision', 'c', { rule: 'exit', shadow: true, blocked: 'session_cap', path: '/pricing', device: 'mobile' }),
      ...['f', 'g'].map((v) => ev('decision', v, { rule: 'exit', shadow: true, blocked: 'min_gap', path: '/docs' })),
      ev('decision', 'h', { rule: 'exit', shadow: true, blocked: 'quiet_page', path: '/checkout' }),
    ];
    const shadow = summarizeEvents(events, { minCount: 2 }).shadow[0]!;
    expect(shadow.wouldFire).toEqual({ events: 2, visitors: 2 });
    expect(shadow.blocked).toEqual({ events: 7, visitors: 6 });
    expect(shadow.blockedBy.rows.map((r) => [r.key, r.total])).toEqual([
      ['session_cap', { events: 4, visitors: 3 }],
      ['min_gap', { events: 2, visitors: 2 }],
    ]);
    expect(shadow.blockedBy.folded).toBe(1);
    expect(shadow.blockedByPage.rows.map((r) => [r.key, r.total.events])).toEqual([
      ['/pricing', 4],
      ['/docs', 2],
    ]);
    expect(shadow.blockedByDevice.rows.map((r) => [r.key, r.total.events])).toEqual([
      ['mobile', 4],
      ['desktop', 3],
    ]);
    expect(shadow.byPage.rows.map((r) => [r.key, r.total.events])).toEqual([['/pricing', 2]]);
  });

  it('hides a blocked count below the minimum, and skips a blocked value off the closed list', () => {
    const events = [
      ...['a', 'b'].map((v) => ev('decision', v, { rule: 'exit', shadow: true })),
      ev('decision', 'c', { rule: 'exit', shadow: true, blocked: 'day_cap' }),
      ev('decision', 'd', { rule: 'exit', shadow: true, blocked: 'because I said so' }),
    ];
    const s = summarizeEvents(events, { minCount: 2 });
    expect(s.overview.events).toBe(4);
    expect(s.shadow[0]!.wouldFire).toEqual({ events: 2, visitors: 2 });
    expect(s.shadow[0]!.blocked).toBeNull();
    expect(JSON.stringify(s)).not.toContain('because I said so');
  });

  it('reads the same closed list of guardrails as the collector schema accepts, which takes blocked only on shadow decisions', () => {
    const schema = JSON.parse(
      readFileSync(fileURLToPath(new URL('../../schema/events.schema.json', import.meta.url)), 'utf8'),
    ) as JsonSchema & { definitions: Record<string, any> };
    expect(schema.definitions.decisionEvent.properties.blocked.enum).toEqual([...SHADOW_BLOCKS]);
    const decision = (fields: Record<string, unknown>) =>
      checkJsonSchema(
        schema.definitions.decisionEvent,
        { id: '01a19aa0-ec80-7b05-b000-0000b10c0005', type: 'decision', purpose: 'help', ts: T0, path: '/p', rule: 'exit', ...fields },
        schema,
      );
    expect(decision({ shadow: true, blocked: 'session_cap' })).toBeNull();
    expect(decision({ shadow: true, blocked: 'free text' })).not.toBeNull();
    expect(decision({ shadow: false, blocked: 'session_cap' })).not.toBeNull();
    expect(decision({ blocked: 'session_cap' })).not.toBeNull();
  });

  it('never counts a blocked decision in a live rule funnel', () => {
    const s = summarizeEvents(
      [ev('decision', 'a', { rule: 'r', shadow: false, blocked: 'session_cap' }), ev('decision', 'b', { rule: 'r', shadow: false })],
      { minCount: 1 },
    );
    expect(s.rules[0]!.funnel.eligible).toBe(1);
  });

  it('gives the 75th percentile (nearest rank) of each vital per page with enough visitors', () => {
    const events = [100, 200, 300, 400].flatMap((value, i) => [
      ev('vital', `v${i}`, { name: 'INP', value, path: '/a' }),
      ev('vital', `v${i}`, { name: 'LCP', value: value * 10, path: '/a' }),
    ]);
    events.push(ev('vital', 'x', { name: 'CLS', value: 0.3, path: '/a' }), ev('vital', 'x', { name: 'INP', value: 900, path: '/b' }));
    const s = summarizeEvents(events, { minCount: 4 });
    expect(s.vitals).toEqual({
      rows: [{ path: '/a', p75: { LCP: 3000, INP: 300, CLS: null }, friction: { events: 0, visitors: 0 } }],
      folded: 1,
    });
  });

  it('sums what devices reported dropping', () => {
    const s = summarizeEvents([ev('dropped', 'a', { count: 12, reason: 'queue full' }), ev('dropped', 'b', { count: 3 })]);
    expect(s.overview.droppedOnDevice).toBe(15);
  });

  it('holds no visitor id and no event id anywhere in the summary', () => {
    const events = [...arm('r', 'visitorzq', 40, 20, false), ...arm('r', 'heldoutzq', 40, 10, true), signal('visitorzq1', 'rage_click')];
    const json = JSON.stringify(summarizeEvents(events, { minCount: 1 }));
    expect(json).not.toMatch(/visitorzq|heldoutzq/);
    expect(json).not.toMatch(/"e\d+"/);
  });

  it('skips malformed events and filters by site', () => {
    const s = summarizeEvents(
      [
        null,
        7,
        { type: 'signal' },
        { type: 'signal', path: '/p', ts: 'yesterday' },
        signal('a', 'dead_click'),
        { ...signal('b', 'dead_click'), site: 'other' },
      ],
      { minCount: 1, site: 'shop' },
    );
    expect(s.overview.events).toBe(1);
    expect(s.site).toBe('shop');
  });

  it('is pure: the same input and options give the same summary', () => {
    const events = [...arm('r', 't', 5, 2, false), signal('a', 'dead_click')];
    expect(summarizeEvents(events, { now: T0 })).toEqual(summarizeEvents([...events].reverse(), { now: T0 }));
  });
});
