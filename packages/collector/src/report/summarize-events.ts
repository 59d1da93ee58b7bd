import { createBreakdown, thresholdCell, type Breakdown } from './breakdown';
import { LIFT_METHOD, reportRule, type RuleTally } from './rule-funnel';
import type {
  BreakdownRow,
  BreakdownTable,
  Cell,
  ReportSummary,
  ShadowBlock,
  ShadowReport,
  SignalName,
  Trend,
  VitalName,
  VitalsRow,
} from './report-summary';

/** Options for {@link summarizeEvents}. */
export interface SummarizeOptions {
  /** Smallest number of distinct visitors a shown figure may stand for. Default 20. */
  minCount?: number;
  /** Smallest arm (treatment and holdout each) before a lift is estimated. Default 30; never below `minCount`. */
  minSamplePerArm?: number;
  /** The site's declared conversion goal; without it every conversion counts. */
  goal?: string;
  /** Only events stored for this site (events carrying a `site` field, as the collector stores them). */
  site?: string;
  /** Stamp for `generatedAt` (epoch ms). Default `Date.now()`. */
  now?: number;
  /** Rows per breakdown before the rest fold into `other`. Default 12. */
  maxRows?: number;
  /** Days in the trend, the most recent ones. Default 60. */
  maxDays?: number;
  /** Only events at or after this time (epoch ms). */
  from?: number;
  /** Only events before this time (epoch ms). */
  to?: number;
  /** Only events from this device class (`desktop`, `tablet`, `mobile`, or `unknown` for none). */
  device?: string;
  /** Only events with this referrer class (`unknown` for none). */
  referrer?: string;
}

/** The signal names the report knows, in display order. */
export const SIGNALS: readonly SignalName[] = [
  'rage_click',
  'dead_click',
  'error_click',
  'disabled_click',
  'form_error',
  'form_correction',
  'form_refill',
  'form_abandon',
  'hesitation',
  'exit_intent',
  'back_forth',
  'scroll_thrash',
  'slow_interaction',
];
const KNOWN_SIGNALS = new Set<string>(SIGNALS);
/** The closed list of the `blocked` field (the collector's schema holds the same list; a test keeps them equal). */
export const SHADOW_BLOCKS: readonly ShadowBlock[] = [
  'quiet_page',
  'never',
  'dismissed',
  'snoozed',
  'cooldown',
  'already_shown',
  'rule_cap',
  'known_field',
  'question_budget',
  'skipped_question',
  'group_cap',
  'session_cap',
  'day_cap',
  'week_cap',
  'min_gap',
  'visible',
  'holdout',
];
const KNOWN_BLOCKS = new Set<string>(SHADOW_BLOCKS);
/** Signals about a form field: their target goes to the field table, not the target table. */
export const FIELD_SIGNAL_NAMES: readonly SignalName[] = ['form_error', 'form_correction', 'form_refill', 'form_abandon'];
const FIELD_SIGNALS = new Set<string>(FIELD_SIGNAL_NAMES);
/** The web vitals the report shows. */
export const VITALS: readonly VitalName[] = ['LCP', 'INP', 'CLS'];
const DAY = 86_400_000;

interface ReportEvent {
  id: string;
  type: string;
  ts: number;
  path: string;
  unit: string;
  vid: string | null;
  device: string;
  referrer: string;
  fields: Record<string, unknown>;
}

// Events may come from a JSONL file as well as from the store: keep only well-formed ones, clip strings.
const text = (value: unknown, max = 200): string | null => (typeof value === 'string' && value.length > 0 ? value.slice(0, max) : null);

const readEvent = (raw: unknown, index: number, { site, from, to, device, referrer }: SummarizeOptions): ReportEvent | null => {
  if (!raw || typeof raw !== 'object') return null;
  const e = raw as Record<string, unknown>;
  const type = text(e.type, 40);
  const path = text(e.path, 512);
  if (!type || !path || typeof e.ts !== 'number' || !Number.isFinite(e.ts)) return null;
  if (site !== undefined && e.site !== site) return null;
  const id = text(e.id, 64) ?? `#${index}`;
  if ((from !== undefined && e.ts < from) || (to !== undefined && e.ts >= to)) return null;
  const vid = text(e.vid, 64);
  const event = {
    id,
    type,
    ts: e.ts,
    path,
    vid,
    unit: vid ? `v:${vid}` : `e:${id}`,
    device: text(e.device, 20) ?? 'unknown',
    referrer: text(e.referrer, 100) ?? 'unknown',
    fields: e,
  };
  if ((device !== undefined && event.device !== device) || (referrer !== undefined && event.referrer !== referrer)) return null;
  return event;
};

/** The UTC day of a time, as `YYYY-MM-DD`. */
export const dayName = (ts: number) => new Date(Math.floor(ts / DAY) * DAY).toISOString().slice(0, 10);

// Day names are asked for once or twice per event: remember them per call.
const dayNamer = () => {
  const names = new Map<number, string>();
  return (ts: number) => {
    const day = Math.floor(ts / DAY);
    let name = names.get(day);
    if (name === undefined) names.set(day, (name = dayName(ts)));
    return name;
  };
};

/** Shadow decisions of one kind (would have shown, or blocked) and where they happened. */
interface ShadowSide {
  events: number;
  visitors: Set<string>;
  page: Breakdown;
  device: Breakdown;
  referrer: Breakdown;
}

const shadowSide = (): ShadowSide => ({
  events: 0,
  visitors: new Set(),
  page: createBreakdown(),
  device: createBreakdown(),
  referrer: createBreakdown(),
});

const percentile75 = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest rank, as web-vitals reporting tools use.
  return sorted[Math.max(0, Math.ceil(0.75 * sorted.length) - 1)]!;
};

/**
 * Aggregates stored events into the friction report: friction by page,
 * target, form field, coarse segment and day; a funnel per live rule with its
 * holdout comparison; what each shadow rule would have done and how often
 * caps would have blocked it; and web vitals
 * by page. Pure: the same events and options give the same summary.
 *
 * Privacy: the result holds aggregates only. A figure standing for fewer
 * than `minCount` distinct visitors is `null`, or folded into an `other` row
 * that is itself shown only when it reaches `minCount`; nothing is keyed by
 * visitor. Malformed events (no `type`, `path` or numeric `ts`) are skipped,
 * so a JSONL file of stored events can be passed as parsed.
 *
 * @example
 * ```ts
 * const summary = summarizeEvents(await store.list({ site: 'shop' }), { minCount: 20, goal: 'signup', now: Date.now() });
 * summary.rules[0]?.comparison; // { status: 'estimate', lift: { difference, interval }, ... } or 'not_enough_data'
 * ```
 */
export function summarizeEvents(events: Iterable<unknown>, options: SummarizeOptions = {}): ReportSummary {
  const minCount = Math.max(1, Math.floor(options.minCount ?? 20));
  const minSamplePerArm = Math.max(minCount, Math.floor(options.minSamplePerArm ?? 30));
  const maxRows = Math.max(1, options.maxRows ?? 12);
  const maxDays = Math.max(1, options.maxDays ?? 60);
  const goal = options.goal ?? null;

  const list: ReportEvent[] = [];
  let index = 0;
  for (const raw of events) {
    const event = readEvent(raw, index++, options);
    if (event) list.push(event);
  }
  // Stable sort: "after it was shown" needs time order.
  list.sort((a, b) => a.ts - b.ts);

  const dayOf = dayNamer();
  const firstDay = new Map<string, string>();
  for (const e of list) if (e.vid && !firstDay.has(e.vid)) firstDay.set(e.vid, dayOf(e.ts));

  const visitors = new Set<string>();
  const frictionVisitors = new Set<string>();
  let frictionEvents = 0;
  let droppedOnDevice = 0;
  const bySignal = createBreakdown();
  const byPage = createBreakdown();
  const byTarget = createBreakdown();
  const byField = createBreakdown();
  const byDevice = createBreakdown();
  const byReferrer = createBreakdown();
  const byVisitor = createBreakdown();
  const byDay = createBreakdown();
  const pageFriction = new Map<string, { events: number; visitors: Set<string> }>();
  const rules = new Map<string, RuleTally>();
  const shadows = new Map<string, { fire: ShadowSide; blocked: ShadowSide; by: Breakdown }>();
  const lastConversion = new Map<string, number>();
  const vitals = new Map<string, Map<VitalName, { values: number[]; visitors: Set<string> }>>();

  const ruleTally = (rule: string) => {
    let tally = rules.get(rule);
    if (!tally) {
      rules.set(rule, (tally = { decided: new Map(), shown: new Map(), engaged: new Set(), dismissed: new Set() }));
    }
    return tally;
  };

  for (const e of list) {
    visitors.add(e.unit);
    const f = e.fields;
    const rule = text(f.rule);
    switch (e.type) {
      case 'signal': {
        const signal = text(f.signal, 40);
        if (!signal || !KNOWN_SIGNALS.has(signal)) break;
        const name = signal as SignalName;
        frictionEvents++;
        frictionVisitors.add(e.unit);
        bySignal.add(name, e.unit, name);
        byPage.add(e.path, e.unit, name);
        const page = pageFriction.get(e.path) ?? { events: 0, visitors: new Set<string>() };
        page.events++;
        page.visitors.add(e.unit);
        pageFriction.set(e.path, page);
        const target = text(f.target);
        if (target && target !== 'page') (FIELD_SIGNALS.has(name) ? byField : byTarget).add(target, e.unit, name);
        byDevice.add(e.device, e.unit, name);
        byReferrer.add(e.referrer, e.unit, name);
        byVisitor.add(e.vid ? (dayOf(e.ts) > firstDay.get(e.vid)! ? 'returning' : 'new') : 'unknown', e.unit, name);
        byDay.add(dayOf(e.ts), e.unit, name);
        break;
      }
      case 'decision': {
        if (!rule) break;
        if (f.shadow === true) {
          // `blocked` names the guardrail that would have stopped it; a name off the closed list is malformed.
          const guard = f.blocked === undefined ? null : text(f.blocked, 40);
          if (guard !== null && !KNOWN_BLOCKS.has(guard)) break;
          let shadow = shadows.get(rule);
          if (!shadow) shadows.set(rule, (shadow = { fire: shadowSide(), blocked: shadowSide(), by: createBreakdown() }));
          const side = guard ? shadow.blocked : shadow.fire;
          side.events++;
          side.visitors.add(e.unit);
          side.page.add(e.path, e.unit);
          side.device.add(e.device, e.unit);
          side.referrer.add(e.referrer, e.unit);
          if (guard) shadow.by.add(guard, e.unit);
        } else if (f.blocked === undefined) {
          const decided = ruleTally(rule).decided;
          // Holdout is sticky per visitor: the first decision assigns the arm.
          if (!decided.has(e.unit)) decided.set(e.unit, { at: e.ts, holdout: f.holdout === true });
        }
        break;
      }
      case 'shown':
        if (rule && !ruleTally(rule).shown.has(e.unit)) ruleTally(rule).shown.set(e.unit, e.ts);
        break;
      case 'engaged':
        if (rule) ruleTally(rule).engaged.add(e.unit);
        break;
      case 'dismissed':
        if (rule) ruleTally(rule).dismissed.add(e.unit);
        break;
      case 'conversion':
        if (goal === null || f.goal === goal) lastConversion.set(e.unit, e.ts);
        break;
      case 'vital': {
        const name = f.name as VitalName;
        if (!VITALS.includes(name) || typeof f.value !== 'number' || !Number.isFinite(f.value)) break;
        let byName = vitals.get(e.path);
        if (!byName) vitals.set(e.path, (byName = new Map()));
        let sample = byName.get(name);
        if (!sample) byName.set(name, (sample = { values: [], visitors: new Set() }));
        sample.values.push(f.value);
        sample.visitors.add(e.unit);
        break;
      }
      case 'dropped':
        if (typeof f.count === 'number' && Number.isFinite(f.count) && f.count > 0) droppedOnDevice += f.count;
        break;
    }
  }

  const table = (b: Breakdown): BreakdownTable => b.table(minCount, maxRows);
  const signalsPresent = SIGNALS.filter((s) => bySignal.visitors(s) > 0);

  return {
    version: 1,
    generatedAt: options.now ?? Date.now(),
    site: options.site ?? null,
    minCount,
    minSamplePerArm,
    goal,
    period: list.length ? { from: list[0]!.ts, to: list[list.length - 1]!.ts } : null,
    overview: {
      events: list.length,
      visitors: visitors.size,
      friction: thresholdCell(frictionEvents, frictionVisitors.size, minCount),
      droppedOnDevice,
    },
    friction: {
      signals: signalsPresent,
      bySignal: bySignal.table(minCount, SIGNALS.length),
      byPage: table(byPage),
      byTarget: table(byTarget),
      byField: table(byField),
      bySegment: { device: table(byDevice), referrer: table(byReferrer), visitor: table(byVisitor) },
      trend: trendOf(byDay.table(0, Number.MAX_SAFE_INTEGER).rows, signalsPresent, minCount, maxDays),
    },
    rules: [...rules]
      .map(([rule, tally]) => reportRule(rule, tally, lastConversion, minCount, minSamplePerArm))
      .sort((a, b) => (b.funnel.eligible ?? 0) - (a.funnel.eligible ?? 0) || (a.rule < b.rule ? -1 : 1)),
    shadow: [...shadows]
      .sort(
        ([ra, a], [rb, b]) =>
          b.fire.visitors.size - a.fire.visitors.size || b.blocked.visitors.size - a.blocked.visitors.size || (ra < rb ? -1 : 1),
      )
      .map(
        ([rule, { fire, blocked, by }]): ShadowReport => ({
          rule,
          wouldFire: thresholdCell(fire.events, fire.visitors.size, minCount),
          byPage: table(fire.page),
          byDevice: table(fire.device),
          byReferrer: table(fire.referrer),
          blocked: thresholdCell(blocked.events, blocked.visitors.size, minCount),
          blockedBy: by.table(minCount, SHADOW_BLOCKS.length),
          blockedByPage: table(blocked.page),
          blockedByDevice: table(blocked.device),
          blockedByReferrer: table(blocked.referrer),
        }),
      ),
    vitals: vitalsOf(
      [...vitals].flatMap(([path, byName]) =>
        [...byName].map(([name, sample]) => ({ path, name, visitors: sample.visitors.size, p75: percentile75(sample.values) })),
      ),
      (path) => {
        const page = pageFriction.get(path);
        return page ? { events: page.events, visitors: page.visitors.size } : null;
      },
      minCount,
      maxRows,
    ),
    notes: reportNotes(minCount, minSamplePerArm, goal),
  };
}

/** The report's notes on method. */
export const reportNotes = (minCount: number, minSamplePerArm: number, goal: string | null): string[] => [
  `Figures that would stand for fewer than ${minCount} visitors are hidden, or folded into “other”. No visitor-level data is shown.`,
  'Visitors are counted by their pseudonymous id, which rotates; an event without one counts as one visitor.',
  `Lift is the conversion rate${goal ? ` on “${goal}”` : ''} of visitors the rule fired for and who were not held out, minus that of the holdout group (intention to treat: every assigned visitor counts, conversions at or after the rule’s first decision). Its interval is the ${LIFT_METHOD}. Conversion rates are shown only for groups of at least ${minSamplePerArm} visitors; below that the report says “not enough data yet”.`,
  'A returning visitor is one whose id was already seen on an earlier day in this data. Days are UTC days.',
  'A shadow rule “would have shown” when its conditions passed and its virtual caps allowed it; “blocked by caps” counts the times its conditions passed but a guardrail (its own or the global caps, the minimum gap, a quiet page…) would have stopped it. Devices record each at most once per rule and page view.',
];

/** The friction trend from unthresholded rows keyed by day name (any order). */
export const trendOf = (all: readonly BreakdownRow[], signals: readonly SignalName[], minCount: number, maxDays: number): Trend => {
  if (!all.length) return { days: [], series: [], total: [] };
  const rows = new Map(all.map((r) => [r.key, r]));
  const keys = [...rows.keys()].sort();
  const last = Date.parse(`${keys[keys.length - 1]}T00:00:00Z`);
  const first = Math.max(Date.parse(`${keys[0]}T00:00:00Z`), last - (maxDays - 1) * DAY);
  const days: string[] = [];
  for (let t = first; t <= last; t += DAY) days.push(dayName(t));
  // Re-threshold here: the table above ran with no minimum.
  const value = (cell: { events: number; visitors: number } | null | undefined) =>
    cell ? (thresholdCell(cell.events, cell.visitors, minCount)?.events ?? null) : 0;
  return {
    days,
    series: signals.map((signal) => ({ signal, values: days.map((d) => value(rows.get(d)?.signals[signal])) })),
    total: days.map((d) => value(rows.get(d)?.total)),
  };
};

/** One page's one vital: distinct visitors who reported it and its 75th percentile (nearest rank). */
export interface VitalGroup {
  path: string;
  name: VitalName;
  visitors: number;
  p75: number;
}

/** The vitals table from per-page, per-vital groups and each page's friction (`null` for none). */
export const vitalsOf = (groups: readonly VitalGroup[], pageFriction: (path: string) => Cell | null, minCount: number, maxRows: number) => {
  const byPath = new Map<string, VitalGroup[]>();
  for (const g of groups) byPath.set(g.path, [...(byPath.get(g.path) ?? []), g]);
  const rows: (VitalsRow & { reach: number })[] = [];
  let folded = 0;
  for (const [path, list] of byPath) {
    const p75 = { LCP: null, INP: null, CLS: null } as Record<VitalName, number | null>;
    let reach = 0;
    for (const g of list) {
      if (g.visitors < minCount) continue;
      p75[g.name] = g.p75;
      reach = Math.max(reach, g.visitors);
    }
    if (reach === 0) {
      folded++;
      continue;
    }
    const page = pageFriction(path);
    rows.push({ path, p75, friction: page ? thresholdCell(page.events, page.visitors, minCount) : { events: 0, visitors: 0 }, reach });
  }
  rows.sort((a, b) => b.reach - a.reach || (a.path < b.path ? -1 : 1));
  folded += Math.max(0, rows.length - maxRows);
  return { rows: rows.slice(0, maxRows).map(({ reach: _, ...row }) => row), folded };
};
