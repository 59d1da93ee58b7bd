import type { IssueReport } from './issue-report';
import { childPath } from './json-path';
import { own, type JsonObject } from './read-fields';
import { isSafeHref } from './safe-href';
import type { Rule } from './types';

/**
 * Reads a rules file's `knowledge`: a relative path or an `http(s):` URL of the knowledge file.
 * Reports `bad_knowledge` and returns `undefined` for anything else.
 *
 * @example readKnowledgeRef({ knowledge: 'help-articles.json', rules: [] }, report) // 'help-articles.json'
 */
export function readKnowledgeRef(file: JsonObject, report: IssueReport): string | undefined {
  const value = own(file, 'knowledge');
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !isSafeHref(value) || /^(mailto|tel):/i.test(value) || value.startsWith('#')) {
    report.error('$.knowledge', 'bad_knowledge');
    return undefined;
  }
  return value;
}

/**
 * Warns on each kept rule whose help takes its text `from` articles while the file names no
 * knowledge file (its own title and body would always show).
 */
export function warnArticlesWithoutKnowledge(kept: readonly { rule: Rule; index: number }[], report: IssueReport): void {
  for (const { rule, index } of kept) {
    if (rule.show.type === 'help' && rule.show.from === 'articles')
      report.warn(childPath(childPath(childPath('$.rules', index), 'show'), 'from'), 'articles_without_knowledge');
  }
}
