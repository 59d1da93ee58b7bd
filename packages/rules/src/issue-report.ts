import type { IssueCode, IssueParams } from './issue-messages';
import type { RuleIssue } from './types';

/** Turns an issue code and its parameters into the message a person reads. */
export type IssueFormatter = (code: IssueCode, params: IssueParams) => string;

/** Suggests the known name closest to a misspelled one, or `null`. */
export type NameSuggester = (input: string, known: readonly string[]) => string | null;

/** Collects errors and warnings while a rules file is checked. */
export interface IssueReport {
  errors: RuleIssue[];
  warnings: RuleIssue[];
  /** The closest known name for a message's "did you mean", or `''` (always `''` without a suggester). */
  near(input: string, known: readonly string[]): string;
  error(path: string, code: IssueCode, params?: IssueParams): void;
  warn(path: string, code: IssueCode, params?: IssueParams): void;
}

/**
 * Creates an empty report. Errors and warnings keep the order they were found in. The
 * formatter and the suggester are parameters so browser bundles can leave the message
 * sentences and the "did you mean" search out.
 *
 * @example const report = createIssueReport(formatIssueMessage, didYouMean); report.error('$.rules', 'rules_not_list');
 */
export function createIssueReport(format: IssueFormatter, suggest?: NameSuggester): IssueReport {
  const errors: RuleIssue[] = [];
  const warnings: RuleIssue[] = [];
  const issue = (path: string, code: IssueCode, params: IssueParams, severity: RuleIssue['severity']): RuleIssue => ({
    path,
    message: format(code, params),
    severity,
    code,
  });
  return {
    errors,
    warnings,
    near: (input, known) => suggest?.(input, known) ?? '',
    error: (path, code, params = {}) => void errors.push(issue(path, code, params, 'error')),
    warn: (path, code, params = {}) => void warnings.push(issue(path, code, params, 'warning')),
  };
}
