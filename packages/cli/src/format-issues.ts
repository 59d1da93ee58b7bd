import type { RuleIssue } from '@attune/rules';
import { locateJsonPaths, locatePath } from './locate-json-paths';

/**
 * One line per issue, with the line and column the JSON path points to when the text is
 * given (`rules.json:5:27  error    $.rules[1].when.all[0].signal  unknown signal …`), so
 * editors and CI annotations can jump to it.
 *
 * @example formatIssues('rules.json', result.errors, text)
 */
export function formatIssues(file: string, issues: readonly RuleIssue[], text?: string): string {
  if (issues.length === 0) return '';
  const locations = text === undefined ? null : locateJsonPaths(text);
  return issues
    .map((issue) => {
      const at = locations ? locatePath(locations, issue.path) : undefined;
      const where = at ? `${file}:${at.line}:${at.column}` : file;
      return `${where}  ${issue.severity.padEnd(7)}  ${issue.path}  ${issue.message}\n`;
    })
    .join('');
}
