const STAR = 42;
const QUESTION = 63;

/**
 * Matches text against a glob: `*` stands for any run of characters (slashes included,
 * so `/pricing*` matches `/pricing/enterprise`), `?` for exactly one; everything else is literal.
 * Linear time, no regular expression, so a marketer's pattern can never hang the page.
 *
 * @example globMatch('pricing*', 'pricing/plan-pro') // true
 */
export function globMatch(pattern: string, text: string): boolean {
  // charCodeAt with explicit bounds: reading `pattern[pattern.length]` sends V8 down a slow path.
  const pLength = pattern.length;
  const tLength = text.length;
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < tLength) {
    const c = p < pLength ? pattern.charCodeAt(p) : -1;
    if (c === QUESTION || (c !== -1 && c !== STAR && c === text.charCodeAt(t))) {
      p++;
      t++;
    } else if (c === STAR) {
      star = p++;
      mark = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pLength && pattern.charCodeAt(p) === STAR) p++;
  return p === pLength;
}
