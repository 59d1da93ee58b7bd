import type { RuleIssue } from '@attune/rules';
import { locateJsonPaths, locatePath, type Location } from './locate-json-paths';

/**
 * One line per issue, with the line and column the JSON path points to when the text is
 * given (`rules.json:5:27  error    $.rules[1].when.all[0].signal  unknown signal …`), so
 * editors and CI annotations can jump to it. An issue that carries its own `line` and `column`
 * (a JSON syntax error) uses them.
 *
 * @example formatIssues('rules.json', result.errors, text)
 */
export function formatIssues(file: string, issues: readonly (RuleIssue & Partial<Location>)[], text?: string): string {
  if (issues.length === 0) return '';
  const locations = text === undefined ? null : locateJsonPaths(text);
  return issues
    .map((issue) => {
      const at = issue.line !== undefined && issue.column !== undefined ? issue : locations ? locatePath(locations, issue.path) : undefined;
      const where = at ? `${file}:${at.line}:${at.column}` : file;
      return `${where}  ${issue.severity.padEnd(7)}  ${issue.path}  ${issue.message}\n`;
    })
    .join('');
}
