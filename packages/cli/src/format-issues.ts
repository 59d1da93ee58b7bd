import type { RuleIssue } from '@attune/rules';

/**
 * One line per issue: `rules.json  error    $.rules[0].when.signal  unknown signal …`.
 *
 * @example formatIssues('rules.json', result.errors)
 */
export function formatIssues(file: string, issues: readonly RuleIssue[]): string {
  return issues.map((issue) => `${file}  ${issue.severity.padEnd(7)}  ${issue.path}  ${issue.message}\n`).join('');
}
