import { parseRules, type RuleIssue, type ValidationResult } from '@attune/rules';
import type { CliIo } from './cli-io';
import type { Location } from './locate-json-paths';

/** An issue, with the line and column it points to when the file itself says where. */
export type LocatedIssue = RuleIssue & Partial<Location>;

// parseRules names where malformed JSON breaks (`Malformed JSON at line 3, column 1: …`).
const SYNTAX_AT = /at line (\d+), column (\d+)/;

const locateSyntaxError = (issue: RuleIssue): LocatedIssue => {
  const at = issue.code === 'malformed_json' ? SYNTAX_AT.exec(issue.message) : null;
  return at ? { ...issue, line: Number(at[1]), column: Number(at[2]) } : issue;
};

/**
 * Reads and validates a rules file, returning its text too (for error locations). A JSON syntax
 * error carries its `line` and `column`, like every other finding. A file that cannot be read
 * throws (`runCli` exits 2).
 *
 * @example const result = await readRulesFile(io, 'attune-rules.json');
 */
export async function readRulesFile(io: CliIo, path: string): Promise<ValidationResult & { errors: LocatedIssue[]; text: string }> {
  const text = await io.readFile(path);
  const result = parseRules(text);
  return { ...result, errors: result.errors.map(locateSyntaxError), text };
}
