import { parseRules, type ValidationResult } from '@attune/rules';
import type { CliIo } from './cli-io';

/**
 * Reads and validates a rules file, returning its text too (for error locations); a file
 * that cannot be read becomes one error at `$`.
 *
 * @example const result = await readRulesFile(io, 'attune-rules.json');
 */
export async function readRulesFile(io: CliIo, path: string): Promise<ValidationResult & { text?: string }> {
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : 'cannot be read';
    return { ok: false, rules: null, errors: [{ path: '$', message: `${path}: ${reason}.`, severity: 'error' }], warnings: [] };
  }
  return { ...parseRules(text), text };
}
