import type { BoundedRegex, RegexCompiler } from './bounded-regex';
import { parseDuration } from './duration';
import type { IssueReport } from './issue-report';
import { childPath } from './json-path';
import { checkKeys, has, isObject, own, readInteger } from './read-fields';
import { SIGNAL_TYPES } from './signal-types';
import type { Condition, HistoryCondition, HistoryOutcome, SignalCondition, SignalType, ViewsCondition } from './types';
import { validateFactCondition } from './validate-fact-condition';

/** The longest signal window a condition may ask for: the recent-signal store keeps no more. */
export const MAX_WINDOW_MS = 30 * 86_400_000;
/** Children one `all`, `any` or `none` may hold. */
export const MAX_CHILDREN = 50;
/** The most page views a device remembers, so the highest `atLeast` a `views` condition can reach. */
export const MAX_VIEWS = 50;

const KINDS = ['signal', 'page', 'views', 'fact', 'intent', 'was', 'all', 'any', 'none', 'not'] as const;
/** What a help-history condition can ask about earlier help. */
export const HISTORY_OUTCOMES: readonly HistoryOutcome[] = ['shown', 'dismissed', 'snoozed', 'helpful', 'not_helpful'];

/** What a condition check needs besides the condition. */
export interface ConditionContext {
  report: IssueReport;
  /** Names of valid intents a condition may refer to. */
  intents: ReadonlySet<string>;
  /** Every intent name in the file, valid or not, for messages and suggestions. */
  intentNames: readonly string[];
  /** Compiled `regex` patterns, filled as conditions are checked. */
  regexes: Map<string, BoundedRegex>;
  /** Compiles `regex` patterns; without it they are refused (`regex_unavailable`). */
  compileRegex?: RegexCompiler | undefined;
  /** `true` inside an intent definition, where `intent` conditions are refused. */
  inIntent: boolean;
}

function validateSignal(object: Readonly<Record<string, unknown>>, path: string, report: IssueReport): SignalCondition | null {
  let ok = checkKeys(object, ['signal', 'target', 'atLeast', 'within'], path, report, 'a signal condition');
  const signal = own(object, 'signal');
  if (typeof signal !== 'string' || !SIGNAL_TYPES.includes(signal as SignalType)) {
    const name = typeof signal === 'string' ? signal.slice(0, 64) : String(JSON.stringify(signal)).slice(0, 40);
    const near = typeof signal === 'string' ? report.near(signal, SIGNAL_TYPES) : '';
    report.error(childPath(path, 'signal'), 'unknown_signal', { name, near, known: near ? '' : SIGNAL_TYPES.join(', ') });
    ok = false;
  }
  const clean: SignalCondition = { signal: signal as SignalType };
  const target = own(object, 'target');
  if (target !== undefined) {
    if (typeof target !== 'string' || target.trim() === '' || target.length > 200) {
      report.error(childPath(path, 'target'), 'bad_target');
      ok = false;
    } else clean.target = target;
  }
  const atLeast = own(object, 'atLeast');
  if (atLeast !== undefined) {
    if (typeof atLeast !== 'number' || !Number.isInteger(atLeast) || atLeast < 1 || atLeast > 1000) {
      report.error(childPath(path, 'atLeast'), 'not_whole_number', { key: 'atLeast', min: 1, max: 1000 });
      ok = false;
    } else clean.atLeast = atLeast;
  }
  const within = readWindow(object, path, report);
  if (within === null) ok = false;
  else if (within !== undefined) clean.within = within;
  return ok ? clean : null;
}

// A `within` window from 1s to 30d: the string when valid, `undefined` when absent, `null` after reporting.
function readWindow(object: Readonly<Record<string, unknown>>, path: string, report: IssueReport): string | null | undefined {
  const within = own(object, 'within');
  if (within === undefined) return undefined;
  const ms = parseDuration(within);
  if (ms === null) {
    report.error(childPath(path, 'within'), 'bad_duration', { key: 'within' });
    return null;
  }
  if (ms < 1000 || ms > MAX_WINDOW_MS) {
    report.error(childPath(path, 'within'), 'impossible_duration', { key: 'within', value: String(within), min: '1s', max: '30d' });
    return null;
  }
  return within as string;
}

// A path glob for `page` and `views`: it starts with `/` or `*`, since it is matched against the path.
function readPathGlob(object: Readonly<Record<string, unknown>>, key: 'page' | 'views', path: string, report: IssueReport): string | null {
  const glob = own(object, key);
  if (typeof glob !== 'string' || glob === '' || glob.length > 500) {
    report.error(childPath(path, key), key === 'page' ? 'bad_page' : 'bad_views');
    return null;
  }
  if (!glob.startsWith('/') && !glob.startsWith('*')) {
    report.error(childPath(path, key), 'page_not_path', { key, near: `/${glob.slice(0, 60)}` });
    return null;
  }
  return glob;
}

function validateViews(object: Readonly<Record<string, unknown>>, path: string, report: IssueReport): ViewsCondition | null {
  let ok = checkKeys(object, ['views', 'atLeast', 'within'], path, report, 'a views condition');
  const views = readPathGlob(object, 'views', path, report);
  if (views === null) ok = false;
  const clean: ViewsCondition = { views: views as string };
  const atLeast = readInteger(object, 'atLeast', path, report, 1, MAX_VIEWS);
  if (atLeast === null) ok = false;
  else if (atLeast !== undefined) clean.atLeast = atLeast;
  const within = readWindow(object, path, report);
  if (within === null) ok = false;
  else if (within !== undefined) clean.within = within;
  return ok ? clean : null;
}

// `{ "rule": "a", "was": "dismissed", "within": "session" }`: one rule id or one group, an outcome, an optional window.
function validateHistory(object: Readonly<Record<string, unknown>>, path: string, report: IssueReport): HistoryCondition | null {
  let ok = checkKeys(object, ['rule', 'group', 'was', 'within'], path, report, 'a help-history condition');
  const rule = own(object, 'rule');
  const group = own(object, 'group');
  const subject = (v: unknown) => typeof v === 'string' && v.trim() !== '' && v.length <= 200;
  const clean = {} as HistoryCondition;
  if ((rule === undefined) === (group === undefined) || !subject(rule ?? group)) {
    report.error(rule === undefined ? childPath(path, group === undefined ? 'was' : 'group') : childPath(path, 'rule'), 'history_subject');
    ok = false;
  } else if (rule !== undefined) clean.rule = rule as string;
  else clean.group = group as string;
  const was = own(object, 'was');
  if (typeof was !== 'string' || !HISTORY_OUTCOMES.includes(was as HistoryOutcome)) {
    const name = typeof was === 'string' ? was.slice(0, 64) : String(JSON.stringify(was)).slice(0, 40);
    report.error(childPath(path, 'was'), 'unknown_history_outcome', {
      name,
      near: typeof was === 'string' ? report.near(was, HISTORY_OUTCOMES) : '',
      known: HISTORY_OUTCOMES.join(', '),
    });
    ok = false;
  } else clean.was = was as HistoryOutcome;
  if (own(object, 'within') === 'session') clean.within = 'session';
  else {
    const within = readWindow(object, path, report);
    if (within === null) ok = false;
    else if (within !== undefined) clean.within = within;
  }
  return ok ? clean : null;
}

/**
 * Validates a condition tree and returns a clean copy holding only known fields, or `null`
 * after reporting every problem with its JSON path. Checks every branch even after one
 * fails, so the marketer sees all mistakes at once.
 *
 * @example validateCondition({ signal: 'rage_clik' }, '$.rules[0].when', context)
 * // null; reports `$.rules[0].when.signal`: unknown signal `rage_clik`. Did you mean `rage_click`?
 */
export function validateCondition(value: unknown, path: string, context: ConditionContext): Condition | null {
  const { report } = context;
  if (!isObject(value)) {
    report.error(path, 'condition_not_object');
    return null;
  }
  const kinds = KINDS.filter((k) => has(value, k));
  if (kinds.length !== 1) {
    if (kinds.length === 0) {
      const unknown = Object.keys(value).find((k) => k !== '$comment');
      report.error(path, 'condition_kind_missing', { near: unknown === undefined ? '' : report.near(unknown, KINDS) });
    } else {
      report.error(path, 'condition_kinds_mixed', { kinds: kinds.join(', ') });
    }
    return null;
  }
  const kind = kinds[0] as (typeof KINDS)[number];

  if (kind === 'signal') return validateSignal(value, path, report);

  if (kind === 'fact') return validateFactCondition(value, path, report, context.regexes, context.compileRegex);

  if (kind === 'page') {
    const ok = checkKeys(value, ['page'], path, report, 'a page condition');
    const page = readPathGlob(value, 'page', path, report);
    return ok && page !== null ? { page } : null;
  }

  if (kind === 'views') return validateViews(value, path, report);

  if (kind === 'was') return validateHistory(value, path, report);

  if (kind === 'intent') {
    const ok = checkKeys(value, ['intent'], path, report, 'an intent condition');
    const intent = own(value, 'intent');
    const at = childPath(path, 'intent');
    if (typeof intent !== 'string') {
      report.error(at, 'bad_intent');
      return null;
    }
    if (context.inIntent) {
      report.error(at, 'intent_in_intent');
      return null;
    }
    if (!context.intents.has(intent)) {
      const defined = context.intentNames.includes(intent);
      if (defined) report.error(at, 'intent_invalid', { name: intent });
      else report.error(at, 'unknown_intent', { name: intent.slice(0, 64), near: report.near(intent, context.intentNames) });
      return null;
    }
    return ok ? { intent } : null;
  }

  if (kind === 'not') {
    const ok = checkKeys(value, ['not'], path, report, 'a `not` condition');
    const child = validateCondition(own(value, 'not'), childPath(path, 'not'), context);
    return ok && child ? { not: child } : null;
  }

  const ok = checkKeys(value, [kind], path, report, `an \`${kind}\` condition`);
  const list = own(value, kind);
  const listPath = childPath(path, kind);
  if (!Array.isArray(list) || list.length === 0) {
    report.error(listPath, 'empty_list', { key: kind });
    return null;
  }
  if (list.length > MAX_CHILDREN) {
    report.error(listPath, 'too_many_conditions', { key: kind, count: list.length, max: MAX_CHILDREN });
    return null;
  }
  const children = list.map((child, i) => validateCondition(child, childPath(listPath, i), context));
  if (!ok || children.some((c) => c === null)) return null;
  return { [kind]: children } as unknown as Condition;
}
