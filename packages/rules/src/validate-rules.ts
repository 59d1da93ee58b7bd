import { compileBoundedRegex } from './bounded-regex';
import { checkRulesFile } from './check-rules-file';
import { didYouMean } from './did-you-mean';
import { formatIssueMessage } from './issue-messages';
import { warnWeakEvidence } from './signal-strength';
import type { ValidationResult } from './types';
import { warnContentCoverage } from './warn-content-coverage';

/**
 * Validates an untrusted rules value (already parsed JSON). Every error names a JSON path
 * such as `$.rules[2].when.all[0].signal` and a reason in plain English, plus a stable `code`.
 * A rule that fails is skipped with an error naming its id while the valid rules are kept
 * (`ok: true`); a file that fails structurally (not an object, no `rules` list, a refused key
 * such as `__proto__`, nesting over 32, oversized input, a bad version, kill switch or
 * `defaults`) gives `{ ok: false, rules: null }`. A live rule that can fire on one weak signal
 * alone gets a warning (see `warnWeakEvidence`), and so does content a visitor would not see as
 * written (`warnContentCoverage`). Never throws, whatever the input.
 *
 * @example
 * const result = validateRules(JSON.parse(text));
 * if (result.rules) runtime.use(result.rules);
 * for (const e of result.errors) console.warn(`[attune] ${e.path}: ${e.message}`);
 */
export function validateRules(input: unknown): ValidationResult {
  const result = warnWeakEvidence(checkRulesFile(input, formatIssueMessage, didYouMean, compileBoundedRegex));
  if (result.rules) result.warnings.push(...warnContentCoverage(result.rules));
  return result;
}
