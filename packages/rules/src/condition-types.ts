// The conditions of a rule: signals, pages, views, facts, intents and the logic that nests them.
import type { Purpose } from './purposes';
import type { SignalType } from './signal-types';

/** A condition counting signals: `{ "signal": "rage_click", "target": "pricing", "atLeast": 2, "within": "60s" }`. */
export interface SignalCondition {
  signal: SignalType;
  /** Target label or glob (`pricing*`); any target when absent. */
  target?: string;
  /** Minimum number of matching signals (default 1). */
  atLeast?: number;
  /** Time window such as `"30s"`, `"5m"`, `"2h"` (default: the whole page view). */
  within?: string;
}

/** A condition on the page path, a glob such as `/pricing*`. */
export interface PageCondition {
  page: string;
}

/**
 * A condition counting remembered page views whose path matches a glob:
 * `{ "views": "/pricing*", "atLeast": 2, "within": "30m" }`.
 */
export interface ViewsCondition {
  /** Path glob such as `/pricing*`, matched like a `page` condition's. */
  views: string;
  /** Minimum number of matching views, this one included (default 1, at most 50: the views a device keeps). */
  atLeast?: number;
  /** Time window such as `"30m"` or `"7d"` (default: every remembered view, up to 30 days). */
  within?: string;
}

/**
 * Fact names a condition can test. `visitor.daysSinceFirstVisit` is derived from
 * `visitor.firstSeen` and the clock; `dwell` and `idle` compare against durations (`"30s"`).
 */
export type FactName =
  | 'page.path'
  | 'page.referrer'
  | `page.utm.${string}`
  | 'visitor.returning'
  | 'visitor.visits'
  | 'visitor.daysSinceFirstVisit'
  | 'dwell'
  | 'idle'
  | 'stage'
  | 'device'
  | 'locale'
  | `consent.${Purpose}`
  | `profile.${string}`
  | 'intents'
  | 'form.state'
  | 'form.errors';

/** A scalar a fact condition compares with. */
export type FactValue = string | number | boolean;

/** Comparison operators of a fact condition, in the spirit of GrowthBook's. */
export type FactOperator =
  | 'eq'
  | 'ne'
  | 'in'
  | 'nin'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'between'
  | 'exists'
  | 'contains'
  | 'startsWith'
  | 'glob'
  | 'regex';

/**
 * A condition on one fact with exactly one operator:
 * `{ "fact": "visitor.visits", "gte": 3 }`, `{ "fact": "dwell", "gt": "30s" }`,
 * `{ "fact": "page.utm.utm_source", "in": ["newsletter", "partner"] }`.
 */
export interface FactCondition {
  fact: FactName;
  eq?: FactValue;
  ne?: FactValue;
  in?: FactValue[];
  nin?: FactValue[];
  gt?: number | string;
  gte?: number | string;
  lt?: number | string;
  lte?: number | string;
  between?: [number | string, number | string];
  exists?: boolean;
  contains?: FactValue;
  startsWith?: string;
  glob?: string;
  /** A bounded regular expression (no nested quantifiers, no backreferences), compiled at load. */
  regex?: string;
}

/** A condition on a named intent: inferred by the runtime or defined in the file's `intents`. */
export interface IntentCondition {
  intent: string;
}

/** What the visitor did with earlier help: `dismissed` counts ×, Escape, "never", "no tips at all" and a skipped question; `snoozed` is "Not now". */
export type HistoryOutcome = 'shown' | 'dismissed' | 'snoozed' | 'helpful' | 'not_helpful';

/**
 * A condition on the help history kept on the device: a rule (by id) or a group whose help was
 * shown, dismissed, snoozed, or answered helpful or not: `{ "rule": "pricing-help", "was": "dismissed", "within": "session" }`.
 * Exactly one of `rule` and `group`.
 */
export interface HistoryCondition {
  rule?: string;
  group?: string;
  was: HistoryOutcome;
  /** `"session"` (since the session began), or a window from `"1s"` to `"30d"`; every remembered entry (30 days) when absent. */
  within?: string;
}

/** Nested logic: every child passes. */
export interface AllCondition {
  all: Condition[];
}
/** Nested logic: at least one child passes. */
export interface AnyCondition {
  any: Condition[];
}
/** Nested logic: no child passes. */
export interface NoneCondition {
  none: Condition[];
}
/** Nested logic: the child fails. */
export interface NotCondition {
  not: Condition;
}

/** A condition tree. */
export type Condition =
  | SignalCondition
  | PageCondition
  | ViewsCondition
  | FactCondition
  | IntentCondition
  | HistoryCondition
  | AllCondition
  | AnyCondition
  | NoneCondition
  | NotCondition;
