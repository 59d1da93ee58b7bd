import { DEFAULT_GUARDRAILS } from './default-guardrails';
import { parseDuration } from './duration';
import { globMatch } from './glob-match';
import type { IssueReport } from './issue-report';
import { childPath } from './json-path';
import { checkComment, checkKeys, isObject, own, readInteger, type JsonObject } from './read-fields';
import type { Caps, Defaults } from './types';

const NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

/**
 * Validates a `caps` object (`perSession`, `perDay`, `perWeek`, `total`, whole numbers 0 to 1000)
 * and returns a clean copy, or `null` after reporting.
 *
 * @example validateCaps({ perSession: 1 }, '$.rules[0].caps', report) // { perSession: 1 }
 */
export function validateCaps(value: unknown, path: string, report: IssueReport): Caps | null {
  if (!isObject(value)) {
    report.error(path, 'caps_not_object');
    return null;
  }
  let ok = checkKeys(value, ['perSession', 'perDay', 'perWeek', 'total'], path, report, '`caps`');
  const clean: Caps = {};
  for (const key of ['perSession', 'perDay', 'perWeek', 'total'] as const) {
    const n = readInteger(value, key, path, report, 0, 1000);
    if (n === null) ok = false;
    else if (n !== undefined) clean[key] = n;
    if (n === 0) report.warn(childPath(path, key), 'cap_zero');
  }
  return ok ? clean : null;
}

/**
 * Reads an optional duration field within `[minMs, maxMs]`; reports and returns `null` when
 * invalid, `undefined` when absent.
 */
export function readDuration(
  object: JsonObject,
  key: string,
  path: string,
  report: IssueReport,
  minMs: number,
  maxMs: number,
): string | null | undefined {
  const value = own(object, key);
  if (value === undefined) return undefined;
  const ms = parseDuration(value);
  if (ms === null) {
    report.error(childPath(path, key), 'bad_duration', { key });
    return null;
  }
  if (ms < minMs || ms > maxMs) {
    report.error(childPath(path, key), 'impossible_duration', {
      key,
      value: String(value),
      min: `${minMs / 1000}s`,
      max: `${maxMs / 86_400_000}d`,
    });
    return null;
  }
  return value as string;
}

const YEAR = 365 * 86_400_000;

/**
 * Validates the file's `defaults` and returns a clean copy, or `null` after reporting.
 * A bad `defaults` fails the whole file: guardrails that cannot be read must not be guessed.
 *
 * @example validateDefaults({ minGap: '2m', quietPages: ['/checkout*'] }, '$.defaults', report)
 */
export function validateDefaults(value: unknown, path: string, report: IssueReport): Defaults | null {
  if (!isObject(value)) {
    report.error(path, 'defaults_not_object');
    return null;
  }
  let ok = checkKeys(value, ['caps', 'minGap', 'cooldown', 'snooze', 'quietPages', 'questions', 'groups'], path, report, '`defaults`');
  const clean: Defaults = {};
  const caps = own(value, 'caps');
  if (caps !== undefined) {
    const c = validateCaps(caps, childPath(path, 'caps'), report);
    if (c) clean.caps = c;
    else ok = false;
  }
  for (const [key, min, max] of [
    ['minGap', 0, 86_400_000],
    ['cooldown', 60_000, YEAR],
    ['snooze', 60_000, YEAR],
  ] as const) {
    const d = readDuration(value, key, path, report, min, max);
    if (d === null) ok = false;
    else if (d !== undefined) clean[key] = d;
  }
  const quiet = own(value, 'quietPages');
  if (quiet !== undefined) {
    if (!Array.isArray(quiet) || quiet.length > 50 || !quiet.every((p) => typeof p === 'string' && p.length > 0 && p.length <= 500)) {
      report.error(childPath(path, 'quietPages'), 'bad_quiet_pages');
      ok = false;
    } else {
      clean.quietPages = [...(quiet as string[])];
      for (const page of ['/checkout', '/payment', '/login']) {
        if (!clean.quietPages.some((glob) => globMatch(glob, page))) {
          report.warn(childPath(path, 'quietPages'), 'quiet_page_dropped', { page, defaults: DEFAULT_GUARDRAILS.quietPages.join(', ') });
        }
      }
    }
  }
  const questions = own(value, 'questions');
  if (questions !== undefined) {
    const at = childPath(path, 'questions');
    if (!isObject(questions)) {
      report.error(at, 'questions_not_object');
      ok = false;
    } else {
      ok = checkKeys(questions, ['perSession', 'afterSkip'], at, report, '`questions`') && ok;
      const perSession = readInteger(questions, 'perSession', at, report, 0, 1);
      const afterSkip = readDuration(questions, 'afterSkip', at, report, 0, YEAR);
      if (perSession === null || afterSkip === null) ok = false;
      else {
        clean.questions = {};
        if (perSession !== undefined) clean.questions.perSession = perSession;
        if (afterSkip !== undefined) clean.questions.afterSkip = afterSkip;
      }
    }
  }
  const groups = own(value, 'groups');
  if (groups !== undefined) {
    const at = childPath(path, 'groups');
    if (!isObject(groups)) {
      report.error(at, 'groups_not_object');
      ok = false;
    } else {
      clean.groups = {};
      if (!checkComment(groups, at, report)) ok = false;
      for (const name of Object.keys(groups)) {
        if (name === '$comment') continue;
        if (!NAME.test(name)) {
          report.error(childPath(at, name), 'bad_name', { key: 'group' });
          ok = false;
          continue;
        }
        const c = validateCaps(groups[name], childPath(at, name), report);
        if (c) clean.groups[name] = c;
        else ok = false;
      }
    }
  }
  return ok ? clean : null;
}
