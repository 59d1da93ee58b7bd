import { INPUT_LIMITS } from './input-limits';
import { findJsonSyntaxError } from './json-syntax-error';
import type { ValidationResult } from './types';
import { validateRules } from './validate-rules';

const refuse = (code: string, message: string): ValidationResult => ({
  ok: false,
  rules: null,
  errors: [{ path: '$', message, severity: 'error', code }],
  warnings: [],
});

/**
 * Parses rules JSON text and validates it. Malformed JSON gives one error naming the line
 * and column (`Malformed JSON at line 3, column 1: …`); text over 512 KiB is refused unread.
 * A leading byte-order mark is ignored. Never throws.
 *
 * @example
 * const { ok, rules, errors } = parseRules(await (await fetch('/attune-rules.json')).text());
 */
export function parseRules(text: string): ValidationResult {
  if (typeof text !== 'string') return refuse('refused_value', 'refused: rules must be JSON text.');
  if (text.length > INPUT_LIMITS.textLength)
    return refuse('refused_size', `refused: the file is larger than ${INPUT_LIMITS.textLength / 1024} KiB.`);
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    const syntax = findJsonSyntaxError(source);
    return refuse(
      'malformed_json',
      syntax ? `Malformed JSON at line ${syntax.line}, column ${syntax.column}: ${syntax.reason}.` : 'Malformed JSON.',
    );
  }
  return validateRules(value);
}
