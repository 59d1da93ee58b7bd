import type { IssueReport } from './issue-report';
import { childPath } from './json-path';
import { own, type JsonObject } from './read-fields';

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const MAX_TAGS = 20;

/**
 * Reads a list of tag names (`tags` of an article or of a `help` action): at most 20 names of
 * letters, digits, `_`, `-` and `.`. `null` after reporting; `undefined` when absent.
 *
 * @example readArticleTags({ tags: ['vat', 'billing'] }, 'tags', '$.articles[0]', report) // ['vat', 'billing']
 */
export function readArticleTags(object: JsonObject, key: string, path: string, report: IssueReport): string[] | null | undefined {
  const value = own(object, key);
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length > MAX_TAGS || !value.every((t) => typeof t === 'string' && NAME.test(t))) {
    report.error(childPath(path, key), 'bad_tags', { key, max: MAX_TAGS });
    return null;
  }
  return value as string[];
}
