/**
 * Matches text against a glob: `*` stands for any run of characters (slashes included,
 * so `/pricing*` matches `/pricing/enterprise`), `?` for exactly one; everything else is literal.
 * Linear time, no regular expression, so a marketer's pattern can never hang the page.
 *
 * @example globMatch('pricing*', 'pricing/plan-pro') // true
 */
export function globMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    const c = pattern[p];
    if (c === '?' || (c !== undefined && c !== '*' && c === text[t])) {
      p++;
      t++;
    } else if (c === '*') {
      star = p++;
      mark = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}
