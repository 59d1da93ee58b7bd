import type { IssueCode, IssueParams } from './issue-messages';
import type { RuleIssue } from './types';

/** Turns an issue code and its parameters into the message a person reads. */
export type IssueFormatter = (code: IssueCode, params: IssueParams) => string;

/** Collects errors and warnings while a rules file is checked. */
export interface IssueReport {
  errors: RuleIssue[];
  warnings: RuleIssue[];
  error(path: string, code: IssueCode, params?: IssueParams): void;
  warn(path: string, code: IssueCode, params?: IssueParams): void;
}

/**
 * Creates an empty report. Errors and warnings keep the order they were found in. The
 * formatter is a parameter so browser bundles can leave the message sentences out.
 *
 * @example const report = createIssueReport(formatIssueMessage); report.error('$.rules', 'rules_not_list');
 */
export function createIssueReport(format: IssueFormatter): IssueReport {
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
    error: (path, code, params = {}) => void errors.push(issue(path, code, params, 'error')),
    warn: (path, code, params = {}) => void warnings.push(issue(path, code, params, 'warning')),
  };
}
