/** The longest pattern a `regex` condition may use. */
export const MAX_REGEX_LENGTH = 200;

/**
 * Compiles a marketer's regular expression only if it cannot backtrack catastrophically:
 * at most 200 characters, no backreferences, no lookbehind, and no quantified group that
 * itself holds a quantifier or an alternation (`(a+)+`, `(a|aa)*`). Returns the RegExp or
 * the reason it was refused. Evaluation also caps the tested text at 1,000 characters.
 *
 * @example compileBoundedRegex('^/blog/[a-z-]+$') // /^\/blog\/[a-z-]+$/
 * @example compileBoundedRegex('(a+)+$') // { reason: 'a quantified group contains ...' }
 */
export function compileBoundedRegex(source: string): RegExp | { reason: string } {
  if (source.length === 0) return { reason: 'the pattern is empty.' };
  if (source.length > MAX_REGEX_LENGTH) return { reason: `the pattern is longer than ${MAX_REGEX_LENGTH} characters.` };
  if (/\\[1-9]|\\k</.test(source)) return { reason: 'backreferences are not allowed.' };
  if (/\(\?<[=!]/.test(source)) return { reason: 'lookbehind is not allowed.' };

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
        return { reason: 'a quantified group contains a quantifier or `|`, which can take exponential time; simplify the pattern.' };
      }
      // A group that holds a quantifier makes its parent risky too.
      if (groups.length > 0 && (risky || quantified)) groups[groups.length - 1] = true;
    }
  }
  try {
    return new RegExp(source);
  } catch {
    return { reason: 'the pattern is not a valid regular expression.' };
  }
}
