import type { IssueReport } from './issue-report';
import { childPath } from './json-path';

/** A plain JSON object whose keys the checks below may read. */
export type JsonObject = Readonly<Record<string, unknown>>;

/**
 * Whether a value is a plain JSON object (not an array, not a class instance).
 *
 * @example isObject({}) // true
 */
export function isObject(value: unknown): value is JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Own property, never one inherited from a prototype. */
export function own(object: JsonObject, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/** Whether the object has the key as its own property. */
export function has(object: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/**
 * Whether `object` has no `$comment`, or a string one; reports `comment_not_string` otherwise. For maps
 * (intents, groups, locales) whose keys are names, where `$comment` is the one key that is not.
 */
export function checkComment(object: JsonObject, path: string, report: IssueReport): boolean {
  const ok = !has(object, '$comment') || typeof object.$comment === 'string';
  if (!ok) report.error(childPath(path, '$comment'), 'comment_not_string');
  return ok;
}

/**
 * Reports every key not in `allowed` (a `$comment` string is always allowed), with a suggestion.
 * Returns `false` when any key was unknown.
 */
export function checkKeys(object: JsonObject, allowed: readonly string[], path: string, report: IssueReport, what: string): boolean {
  let ok = true;
  for (const key of Object.keys(object)) {
    if (key === '$comment') {
      if (typeof object[key] !== 'string') {
        report.error(childPath(path, key), 'comment_not_string');
        ok = false;
      }
      continue;
    }
    if (!allowed.includes(key)) {
      report.error(childPath(path, key), 'unknown_field', { key: key.slice(0, 64), where: what, near: report.near(key, allowed) });
      ok = false;
    }
  }
  return ok;
}

/** Options for `readText`. */
export interface TextLimits {
  max: number;
  required?: boolean;
}

/**
 * Reads a non-empty string field of at most `max` characters. Reports and returns `null`
 * when it is missing (if required), not a string, blank or too long; `undefined` when absent and optional.
 */
export function readText(
  object: JsonObject,
  key: string,
  path: string,
  report: IssueReport,
  limits: TextLimits,
): string | null | undefined {
  const value = own(object, key);
  const at = childPath(path, key);
  if (value === undefined) {
    if (limits.required) {
      report.error(at, 'required', { key });
      return null;
    }
    return undefined;
  }
  if (typeof value !== 'string') {
    report.error(at, 'not_string', { key });
    return null;
  }
  if (value.trim() === '') {
    report.error(at, 'empty_text', { key });
    return null;
  }
  if (value.length > limits.max) {
    report.error(at, 'text_too_long', { key, length: value.length, max: limits.max });
    return null;
  }
  return value;
}

/**
 * Reads an optional whole number in `[min, max]`. Reports and returns `null` when invalid,
 * `undefined` when absent.
 */
export function readInteger(
  object: JsonObject,
  key: string,
  path: string,
  report: IssueReport,
  min: number,
  max: number,
): number | null | undefined {
  const value = own(object, key);
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    report.error(childPath(path, key), 'not_whole_number', { key, min, max });
    return null;
  }
  return value;
}
