import type { RegexCompiler } from './bounded-regex';
import { checkRulesFile } from './check-rules-file';
import type { IssueCode } from './issue-messages';
import type { ValidationResult } from './types';

const codeOnly = (code: IssueCode): string => code;

/**
 * `validateRules` for browser bundles: the same checks and the same compiled rules, but each
 * issue's `message` is its short code (`unknown_signal`) instead of a sentence, and no
 * "did you mean" search runs, which keeps several kilobytes out of the script every page loads. Use `validateRules` in
 * tools and wherever a person reads the errors. The regex matcher is not bundled with it either: pass
 * `compileBoundedRegex` (the browser engine loads it in its own chunk, only for files that use `regex`);
 * without it, every `regex` condition is refused (`regex_unavailable`) and its rule skipped.
 *
 * @example
 * const { rules, errors } = compileRules(JSON.parse(text), compileBoundedRegex);
 * for (const e of errors) console.warn(`[attune] rule skipped: ${e.path} ${e.message}`);
 */
export function compileRules(input: unknown, compileRegex?: RegexCompiler): ValidationResult {
  return checkRulesFile(input, codeOnly, undefined, compileRegex);
}
