/** Why a pattern was refused. */
export type RegexIssue = 'regex_empty' | 'regex_too_long' | 'regex_backreference' | 'regex_lookbehind' | 'regex_nested_quantifier' | 'regex_invalid';

/** The longest pattern a `regex` condition may use. */
export const MAX_REGEX_LENGTH = 200;

/**
 * Compiles a marketer's regular expression only if it cannot backtrack catastrophically:
 * at most 200 characters, no backreferences, no lookbehind, and no quantified group that
 * itself holds a quantifier or an alternation (`(a+)+`, `(a|aa)*`). Returns the RegExp or
 * the code of the reason it was refused. Evaluation also caps the tested text at 1,000 characters.
 *
 * @example compileBoundedRegex('^/blog/[a-z-]+$') // /^\/blog\/[a-z-]+$/
 * @example compileBoundedRegex('(a+)+$') // { code: 'regex_nested_quantifier' }
 */
export function compileBoundedRegex(source: string): RegExp | { code: RegexIssue } {
  if (source.length === 0) return { code: 'regex_empty' };
  if (source.length > MAX_REGEX_LENGTH) return { code: 'regex_too_long' };
  if (/\\[1-9]|\\k</.test(source)) return { code: 'regex_backreference' };
  if (/\(\?<[=!]/.test(source)) return { code: 'regex_lookbehind' };

  // Each open group records whether it holds a quantifier or an alternation.
  const groups: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') groups.push(false);
    else if (c === '|' || c === '*' || c === '+' || c === '{') {
      if (groups.length > 0) groups[groups.length - 1] = true;
    } else if (c === ')') {
      const risky = groups.pop() ?? false;
      const next = source[i + 1];
      const quantified = next === '*' || next === '+' || next === '{' || next === '?';
      if (risky && quantified && next !== '?') {
        return { code: 'regex_nested_quantifier' };
      }
      // A group that holds a quantifier makes its parent risky too.
      if (groups.length > 0 && (risky || quantified)) groups[groups.length - 1] = true;
    }
  }
  try {
    return new RegExp(source);
  } catch {
    return { code: 'regex_invalid' };
  }
}
