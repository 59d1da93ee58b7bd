import { parseDuration } from './duration';
import type { IssueReport } from './issue-report';
import { childPath } from './json-path';
import { checkKeys, has, isObject, own } from './read-fields';
import { SIGNAL_TYPES } from './signal-types';
import type { Condition, SignalCondition, SignalType } from './types';
import { validateFactCondition } from './validate-fact-condition';

/** The longest signal window a condition may ask for: the recent-signal store keeps no more. */
export const MAX_WINDOW_MS = 30 * 86_400_000;
/** Children one `all`, `any` or `none` may hold. */
export const MAX_CHILDREN = 50;

const KINDS = ['signal', 'page', 'fact', 'intent', 'all', 'any', 'none', 'not'] as const;

/** What a condition check needs besides the condition. */
export interface ConditionContext {
  report: IssueReport;
  /** Names of valid intents a condition may refer to. */
  intents: ReadonlySet<string>;
  /** Every intent name in the file, valid or not, for messages and suggestions. */
  intentNames: readonly string[];
  /** Compiled `regex` patterns, filled as conditions are checked. */
  regexes: Map<string, RegExp>;
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
  const within = own(object, 'within');
  if (within !== undefined) {
    const ms = parseDuration(within);
    if (ms === null) {
      report.error(childPath(path, 'within'), 'bad_duration', { key: 'within' });
      ok = false;
    } else if (ms < 1000 || ms > MAX_WINDOW_MS) {
      report.error(childPath(path, 'within'), 'impossible_duration', { key: 'within', value: String(within), min: '1s', max: '30d' });
      ok = false;
    } else clean.within = within as string;
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

  if (kind === 'fact') return validateFactCondition(value, path, report, context.regexes);

  if (kind === 'page') {
    const ok = checkKeys(value, ['page'], path, report, 'a page condition');
    const page = own(value, 'page');
    if (typeof page !== 'string' || page === '' || page.length > 500) {
      report.error(childPath(path, 'page'), 'bad_page');
      return null;
    }
    if (!page.startsWith('/') && !page.startsWith('*')) {
      report.error(childPath(path, 'page'), 'page_not_path', { near: `/${page.slice(0, 60)}` });
      return null;
    }
    return ok ? { page } : null;
  }

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
