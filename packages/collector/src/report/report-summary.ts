import type { Interval } from './proportion-interval';

/**
 * The friction report as data: what {@link summarizeEvents} computes and
 * {@link renderReportHtml} draws. Every figure is an aggregate; a cell that
 * stands for fewer than `minCount` visitors is `null` (suppressed) or folded
 * into an `other` row. Plain JSON: `GET /report.json` serves it as is.
 */
export interface ReportSummary {
  /** Format version of this object. */
  version: 1;
  /** When the summary was made (epoch ms). */
  generatedAt: number;
  /** The site the events were filtered to, if any. */
  site: string | null;
  /** Smallest number of visitors a shown figure may stand for. */
  minCount: number;
  /** Smallest arm (treatment and holdout each) for a lift estimate. */
  minSamplePerArm: number;
  /** The conversion goal lift is measured on; `null` counts every conversion. */
  goal: string | null;
  /** First and last event time (epoch ms), `null` without events. */
  period: { from: number; to: number } | null;
  overview: Overview;
  friction: Friction;
  /** Live rules (non-shadow decisions), most eligible visitors first. */
  rules: RuleReport[];
  /** Shadow rules, most visitors first. */
  shadow: ShadowReport[];
  /** Web vitals by page (75th percentile), for pages with enough visitors. */
  vitals: VitalsTable;
  /** Plain-language notes on method, shown in the report's footer. */
  notes: string[];
}

/** Events and distinct visitors behind one figure. */
export interface Cell {
  events: number;
  /** Distinct pseudonymous visitor ids; an event without one counts as a visitor of its own. */
  visitors: number;
}

/** A figure, or `null` when it stands for fewer than `minCount` visitors (but more than none). */
export type MaybeCell = Cell | null;

/** Signal names the report knows, in the order it shows them. */
export type SignalName =
  | 'rage_click'
  | 'dead_click'
  | 'error_click'
  | 'disabled_click'
  | 'form_error'
  | 'form_correction'
  | 'form_refill'
  | 'form_abandon'
  | 'hesitation'
  | 'exit_intent'
  | 'back_forth'
  | 'scroll_thrash'
  | 'slow_interaction';

/** One row of a breakdown: a page, target, field, segment or day. */
export interface BreakdownRow {
  key: string;
  total: Cell;
  /** Per signal; absent when none, `null` when suppressed. */
  signals: Partial<Record<SignalName, MaybeCell>>;
}

/** Rows with at least `minCount` visitors; smaller groups folded into `other`. */
export interface BreakdownTable {
  rows: BreakdownRow[];
  /** The folded groups together, when they reach `minCount` visitors between them. */
  other: BreakdownRow | null;
  /** How many groups were folded (into `other`, or hidden when `other` is `null`). */
  folded: number;
}

/** Totals for the whole period. */
export interface Overview {
  /** All stored events considered. */
  events: number;
  visitors: number;
  /** Friction signals and the visitors who had at least one. */
  friction: MaybeCell;
  /** Events that devices reported dropping before sending (sum of `dropped.count`). */
  droppedOnDevice: number;
}

/** Friction signals broken down every way the report shows them. */
export interface Friction {
  /** The signal columns present in the data, in display order. */
  signals: SignalName[];
  bySignal: BreakdownTable;
  byPage: BreakdownTable;
  /** Click and interaction targets (form fields excluded). */
  byTarget: BreakdownTable;
  /** Form fields: errors and corrections per field; `form_abandon` names the last field touched. */
  byField: BreakdownTable;
  bySegment: {
    device: BreakdownTable;
    referrer: BreakdownTable;
    /** `returning` when the same visitor id was seen on an earlier UTC day in this data, else `new`. */
    visitor: BreakdownTable;
  };
  trend: Trend;
}

/** Friction per UTC day, from the first day with events to the last (at most `maxDays`). */
export interface Trend {
  days: string[];
  /** Per signal, one value per day: events, `null` when suppressed. */
  series: { signal: SignalName; values: (number | null)[] }[];
  /** All friction signals per day. */
  total: (number | null)[];
}

/** Visitor counts; `null` when between 1 and `minCount − 1`. */
export type Count = number | null;

/** One live rule: its funnel in visitors, and its holdout comparison. */
export interface RuleReport {
  rule: string;
  funnel: {
    /** Visitors for whom the rule fired (treatment and holdout). */
    eligible: Count;
    /** Eligible visitors kept as the control group: nothing shown. */
    holdout: Count;
    /** Eligible visitors not held out. */
    treatment: Count;
    shown: Count;
    engaged: Count;
    dismissed: Count;
    /** Shown visitors with a conversion on the goal at or after the first time they were shown help. */
    converted: Count;
  };
  comparison: Comparison;
}

/** One arm of a comparison: visitors, those who converted after the decision, rate and Wilson 95% interval. */
export interface Arm {
  n: number;
  converted: number;
  rate: number;
  interval: Interval;
}

/**
 * Conversion with help against the holdout, intention to treat: each arm is
 * every visitor assigned to it, and a conversion counts when it came at or
 * after the visitor's first decision for the rule.
 */
export type Comparison =
  | { status: 'no_holdout' }
  | { status: 'not_enough_data'; need: number; treatment: Count; holdout: Count }
  | {
      status: 'estimate';
      treatment: Arm;
      holdout: Arm;
      /** Treatment rate minus holdout rate, with its 95% interval. */
      lift: { difference: number; interval: Interval };
      method: string;
      /** `helps` when the interval is above zero, `hurts` when below, else `unclear`. */
      verdict: 'helps' | 'hurts' | 'unclear';
    };

/** Guardrails that can stop a shadow rule whose conditions passed: the `blocked` field of a `decision` event. */
export type ShadowBlock =
  | 'quiet_page'
  | 'never'
  | 'dismissed'
  | 'snoozed'
  | 'cooldown'
  | 'already_shown'
  | 'rule_cap'
  | 'known_field'
  | 'question_budget'
  | 'skipped_question'
  | 'group_cap'
  | 'session_cap'
  | 'day_cap'
  | 'week_cap'
  | 'min_gap'
  | 'visible'
  | 'holdout';

/**
 * One shadow rule: how often, where and for whom it would have shown, and how often its
 * conditions passed but its (virtual) caps and other guardrails would have stopped it.
 */
export interface ShadowReport {
  rule: string;
  /** Shadow decisions that would have shown, and visitors. */
  wouldFire: MaybeCell;
  byPage: BreakdownTable;
  byDevice: BreakdownTable;
  byReferrer: BreakdownTable;
  /** Shadow decisions a guardrail would have stopped (the rule's conditions passed), and visitors. */
  blocked: MaybeCell;
  /** Blocked decisions by guardrail, such as `session_cap` or `min_gap`. */
  blockedBy: BreakdownTable;
  /** Blocked decisions by page and segment. */
  blockedByPage: BreakdownTable;
  blockedByDevice: BreakdownTable;
  blockedByReferrer: BreakdownTable;
}

/** The web vitals the report summarises. */
export type VitalName = 'LCP' | 'INP' | 'CLS';

/** One page's web vitals next to its friction. */
export interface VitalsRow {
  path: string;
  /** 75th percentile per metric, `null` when fewer than `minCount` visitors reported it. */
  p75: Record<VitalName, number | null>;
  /** Friction signals on this page, for comparison. */
  friction: MaybeCell;
}

/** Pages with enough visitors reporting vitals, and how many were left out. */
export interface VitalsTable {
  rows: VitalsRow[];
  folded: number;
}
