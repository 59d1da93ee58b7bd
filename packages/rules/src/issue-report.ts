import type { RuleIssue } from './types';

/** Collects errors and warnings while a rules file is checked. */
export interface IssueReport {
  errors: RuleIssue[];
  warnings: RuleIssue[];
  error(path: string, message: string): void;
  warn(path: string, message: string): void;
}

/**
 * Creates an empty report. Errors and warnings keep the order they were found in.
 *
 * @example const report = createIssueReport(); report.error('$.rules', 'must be an array');
 */
export function createIssueReport(): IssueReport {
  const errors: RuleIssue[] = [];
  const warnings: RuleIssue[] = [];
  return {
    errors,
    warnings,
    error: (path, message) => void errors.push({ path, message, severity: 'error' }),
    warn: (path, message) => void warnings.push({ path, message, severity: 'warning' }),
  };
}
