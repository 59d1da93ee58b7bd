import { collectEvidence } from './collect-evidence';
import { compareFact } from './compare-fact';
import { parseDuration } from './duration';
import { globMatch } from './glob-match';
import type { BoundedRegex } from './bounded-regex';
import { childPath } from './json-path';
import { spend, type MatchBudget } from './match-budget';
import { pickVariant } from './localize-action';
import { readFact } from './read-fact';
import { summarizeCondition } from './summarize-condition';
import type {
  Condition,
  Facts,
  FactOperator,
  FormState,
  History,
  HistoryCondition,
  IntentText,
  Reason,
  ReferrerClass,
  TraceEntry,
} from './types';
import { MAX_WINDOW_MS } from './validate-condition';

/** What a condition evaluation reads and where it writes its findings. */
export interface ConditionScope {
  facts: Facts;
  now: number;
  intents?: Readonly<Record<string, Condition>> | undefined;
  intentTexts?: Readonly<Record<string, IntentText>> | undefined;
  regexes?: ReadonlyMap<string, BoundedRegex> | undefined;
  /** Steps this evaluation may still take; once spent, every condition left fails. Unlimited when absent. */
  budget?: MatchBudget | undefined;
  /** The help history (shown, dismissed) for `rule` / `group` conditions; none when absent. */
  history?: History | undefined;
  /** The group of each rule of the file that has one, by rule id. */
  groups?: ReadonlyMap<string, string> | undefined;
  /** Receives one entry per condition, parents before children; `null` skips the trace (the fast path). */
  trace: TraceEntry[] | null;
  /** Receives the indices in `facts.signals` of the signals that made the tree pass; `null` skips evidence. */
  evidence: number[] | null;
  /** Receives the reasons of the conditions that made the tree pass (needs `evidence`); `null` skips them. */
  reasons?: Reason[] | null;
}

const FACT_OPERATOR_KEYS: readonly FactOperator[] = [
  'eq',
  'ne',
  'in',
  'nin',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'exists',
  'contains',
  'startsWith',
  'glob',
  'regex',
];

const observe = (value: unknown): string | number | boolean => {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.slice(0, 20).join(', ');
  return 'unknown';
};

const FORM_STATES = ['started', 'errors', 'abandoned', 'submitted'];
const REFERRERS = ['search', 'social', 'email', 'paid', 'direct', 'referral', 'internal'];
const DEVICES = ['desktop', 'tablet', 'mobile'];
// Operators that pin a fact to what was observed (rather than to what it is not).
const POSITIVE: readonly FactOperator[] = ['eq', 'in', 'glob', 'startsWith', 'contains', 'regex'];

// A passed fact condition, as a reason that is true about the visitor and can be said plainly; null for the rest
// (stage, locale, consent, UTM, intents, and any condition that passed because something was absent or below a bound).
function factReason(fact: string, op: FactOperator, operand: unknown, value: unknown, facts: Facts): Reason | null {
  const atLeast = op === 'gt' || op === 'gte' || op === 'between';
  // Idle time passing a lower bound means time on the page too: both read "for a while".
  if (fact === 'dwell' || fact === 'idle') return atLeast ? { kind: 'dwell' } : null;
  // A returning visitor is explained by the visit count, the one figure the visitor can check.
  const visits =
    fact === 'visitor.visits'
      ? (atLeast || op === 'eq') && value
      : fact === 'visitor.returning' && op === 'eq' && operand === true && facts.visitor?.visits;
  if (visits) return typeof visits === 'number' && visits > 1 ? { kind: 'visits', count: visits } : null;
  if (fact === 'visitor.daysSinceFirstVisit')
    return (atLeast || op === 'eq') && typeof value === 'number' && value >= 1 ? { kind: 'firstVisit', days: Math.floor(value) } : null;
  if (fact.startsWith('profile.'))
    return op === 'ne' || op === 'nin' || (op === 'exists' && operand === false) ? null : { kind: 'answer', field: fact.slice(8) };
  const positive = POSITIVE.includes(op);
  if (fact === 'form.state') return positive && FORM_STATES.includes(value as string) ? { kind: 'form', state: value as FormState } : null;
  if (fact === 'form.errors')
    return (atLeast || op === 'eq') && typeof value === 'number' && value > 0 ? { kind: 'form', state: 'errors' } : null;
  if (fact === 'page.referrer')
    return positive && REFERRERS.includes(value as string) ? { kind: 'source', referrer: value as ReferrerClass } : null;
  if (fact === 'device') return positive && DEVICES.includes(value as string) ? { kind: 'device', device: value as 'desktop' } : null;
  // A path named from the marketer's pattern, never from the visited path.
  if (fact === 'page.path' && typeof operand === 'string' && (op === 'eq' || op === 'glob' || op === 'startsWith'))
    return { kind: 'page', pattern: op === 'startsWith' ? `${operand}*` : operand };
  return null;
}

// Entries of the help history for the condition's rule or group, of its kind, dated up to `now` and inside its window.
function countHistory(condition: HistoryCondition, scope: ConditionScope): number {
  const history = scope.history;
  const { now } = scope;
  if (!history) return 0;
  const since =
    condition.within === 'session'
      ? (history.sessionStart ?? -Infinity)
      : now - (condition.within === undefined ? MAX_WINDOW_MS : (parseDuration(condition.within) as number));
  const was = condition.was;
  const entries: readonly { ruleId: string; at: number; group?: string | undefined }[] =
    was === 'shown'
      ? history.shown.filter((e) => !e.shadow)
      : was === 'helpful' || was === 'not_helpful'
        ? history.shown.filter((e) => e.outcome === (was === 'helpful' ? 'helpful_yes' : 'helpful_no'))
        : history.dismissed.filter((e) => (e.kind === 'snooze') === (was === 'snoozed'));
  let count = 0;
  for (const e of entries) {
    if (!(e.at <= now && e.at >= since)) continue;
    if (condition.rule !== undefined ? e.ruleId === condition.rule : (e.group ?? scope.groups?.get(e.ruleId)) === condition.group) count++;
  }
  return count;
}

function countSignals(condition: Extract<Condition, { signal: unknown }>, scope: ConditionScope): number {
  const windowMs = condition.within === undefined ? null : parseDuration(condition.within);
  const signals = scope.facts.signals ?? [];
  const { now, evidence, budget } = scope;
  const mark = evidence?.length ?? 0;
  let count = 0;
  for (let i = 0; i < signals.length; i++) {
    const s = signals[i];
    if (!spend(budget, 1)) break;
    if (!s || s.type !== condition.signal || !(s.at <= now)) continue;
    if (windowMs !== null && now - s.at > windowMs) continue;
    if (condition.target !== undefined && !globMatch(condition.target, String(s.target), budget)) continue;
    count++;
    evidence?.push(i);
  }
  if (evidence && count < (condition.atLeast ?? 1)) evidence.length = mark;
  return count;
}

// Remembered views of pages matching the glob, dated up to `now` and inside the window (30 days by default).
function countViews(condition: Extract<Condition, { views: unknown }>, facts: Facts, now: number, budget: MatchBudget | undefined): number {
  const windowMs = condition.within === undefined ? MAX_WINDOW_MS : (parseDuration(condition.within) as number);
  let count = 0;
  for (const view of facts.views ?? []) {
    if (view && view.at <= now && now - view.at <= windowMs && globMatch(condition.views, String(view.path), budget)) count++;
  }
  return count;
}

/**
 * Evaluates a validated condition tree against facts at `now`. Returns whether it passed.
 * With `scope.trace`, appends one entry per condition (JSON path, summary, observed value,
 * passed); with `scope.evidence`, collects the signals that satisfied it. Without them it
 * allocates almost nothing, so the many rules that do not match stay cheap. Pure.
 * Signals count only when `at <= now` and, with `within`, `now - at <= within`. Evidence
 * comes only from signal conditions that passed outside `not` and `none`, in branches that
 * passed. Page views count the same way: `at <= now`, inside `within` (30 days when absent), path
 * matching the `views` glob. With `scope.reasons` (and `evidence`), collects the same way the reasons behind a pass
 * for `explain`: signals, dwell and idle lower bounds, page patterns, page views, visits, answers,
 * and an intent's `describe` text in place of its own conditions' reasons.
 * An intent passes when the runtime lists it in `facts.intents` or its definition passes.
 *
 * @example evaluateCondition({ page: '/pricing*' }, '$.rules[0].when', scope) // true
 */
export function evaluateCondition(condition: Condition, path: string, scope: ConditionScope): boolean {
  const { facts, trace, evidence, reasons, budget } = scope;
  const reasonMark = reasons?.length ?? 0;
  let entry: TraceEntry | null = null;
  if (trace) {
    entry = { path, condition: summarizeCondition(condition), observed: false, passed: false };
    trace.push(entry);
  }
  const mark = evidence?.length ?? 0;
  let passed: boolean;
  let observed: string | number | boolean;

  if (!spend(budget, 1)) {
    passed = false;
    observed = 'over budget';
  } else if ('signal' in condition) {
    const count = countSignals(condition, scope);
    passed = count >= (condition.atLeast ?? 1);
    observed = count;
    if (passed && reasons && evidence)
      for (const e of collectEvidence(facts, evidence.slice(mark))) reasons.push({ kind: 'signal', ...e, path });
  } else if ('page' in condition) {
    const pagePath = String(facts.page?.path ?? '');
    passed = globMatch(condition.page, pagePath, budget);
    observed = pagePath;
    if (passed) reasons?.push({ kind: 'page', pattern: condition.page, path });
  } else if ('views' in condition) {
    const count = countViews(condition, facts, scope.now, budget);
    passed = count >= (condition.atLeast ?? 1);
    observed = count;
    if (passed) reasons?.push({ kind: 'views', pattern: condition.views, count, path });
  } else if ('fact' in condition) {
    const op = FACT_OPERATOR_KEYS.find((k) => k in condition) as FactOperator;
    let value = readFact(condition.fact, facts, scope.now);
    observed = trace ? observe(value) : false;
    if ((condition.fact === 'dwell' || condition.fact === 'idle') && typeof value !== 'number') value = undefined;
    const operand = (condition as unknown as Record<string, unknown>)[op];
    passed = compareFact(op, operand, value, scope.regexes, budget);
    const reason = passed && reasons ? factReason(condition.fact, op, operand, value, facts) : null;
    if (reason) reasons?.push({ ...reason, path });
  } else if ('was' in condition) {
    const count = countHistory(condition, scope);
    passed = count > 0;
    observed = count;
    if (passed) reasons?.push({ kind: 'history', was: condition.was, path });
  } else if ('intent' in condition) {
    const listed = Array.isArray(facts.intents) && facts.intents.includes(condition.intent);
    const definition = scope.intents?.[condition.intent];
    const defined = definition
      ? evaluateCondition(definition, trace ? `${childPath('$.intents', condition.intent)}.when` : '', scope)
      : false;
    passed = listed || defined;
    observed = passed;
    const texts = passed && reasons ? scope.intentTexts?.[condition.intent] : undefined;
    const text = texts && (pickVariant(texts.locales, facts.locale)?.describe ?? texts.describe);
    if (reasons && text) {
      // The site's own words for the intent stand in for the conditions behind it.
      reasons.length = reasonMark;
      reasons.push({ kind: 'intent', intent: condition.intent, text, path });
    }
  } else if ('not' in condition) {
    const inner = evaluateCondition(condition.not, trace ? childPath(path, 'not') : '', scope);
    passed = !inner;
    observed = inner;
  } else {
    const kind = 'all' in condition ? 'all' : 'any' in condition ? 'any' : 'none';
    const children = (condition as Record<typeof kind, Condition[]>)[kind];
    const listPath = trace ? childPath(path, kind) : '';
    let passing = 0;
    for (let i = 0; i < children.length; i++) {
      const childMark = evidence?.length ?? 0;
      const ok = evaluateCondition(children[i] as Condition, trace ? childPath(listPath, i) : '', scope);
      if (ok) passing++;
      else if (evidence) evidence.length = childMark;
      // Without a trace the outcome is settled as soon as one child decides it.
      if (!trace && ((kind === 'all' && !ok) || (kind !== 'all' && ok))) break;
    }
    passed = kind === 'all' ? passing === children.length : kind === 'any' ? passing > 0 : passing === 0;
    observed = `${passing} of ${children.length} passed`;
  }

  if (!passed || 'not' in condition || 'none' in condition) {
    if (evidence) evidence.length = mark;
    if (reasons) reasons.length = reasonMark;
  }
  if (entry) {
    entry.observed = observed;
    entry.passed = passed;
  }
  return passed;
}
