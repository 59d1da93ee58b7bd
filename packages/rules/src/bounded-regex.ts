import type { MatchBudget } from './match-budget';

/** Why a pattern was refused. */
export type RegexIssue =
  | 'regex_empty'
  | 'regex_too_long'
  | 'regex_backreference'
  | 'regex_lookaround'
  | 'regex_unsupported'
  | 'regex_too_complex'
  | 'regex_invalid'
  | 'regex_unavailable';

/** The longest pattern a `regex` condition may use. */
export const MAX_REGEX_LENGTH = 200;
/** The most matcher states one pattern may compile to (`{n}` repeats count in full). */
export const MAX_REGEX_STATES = 400;

/** `compileBoundedRegex`, passed to `compileRules` by callers that load it separately. */
export type RegexCompiler = (source: string) => BoundedRegex | { code: RegexIssue };

/** A compiled `regex` condition: tests text in time linear in its length, never backtracking. */
export interface BoundedRegex {
  /** Whether the pattern occurs in `text`, like `RegExp.prototype.test`; `false` when `budget` cannot pay `cost`. */
  test(text: string, budget?: MatchBudget): boolean;
  /** The most steps a test can take per character of text. */
  readonly states: number;
}

// A node of the parsed pattern: a one-character test, a sequence, alternatives, a repeat, or an assertion.
type Node = RegExp | Node[] | { or: Node[] } | { item: Node; min: number; max: number } | Assertion;

// ^ $ \b \B
type Assertion = 0 | 1 | 2 | 3;

/** Largest count in `{n}`, `{n,}` and `{n,m}`. */
const MAX_COUNT = 1000;

// Thrown inside the parser and the builder, caught in `compileBoundedRegex`.
const refuse = (code: RegexIssue): never => {
  throw { refused: code };
};

// The escapes that name one character or one class, with JavaScript's meaning in every mode.
const ESCAPE = /^\\(?:[^0-9A-Za-z_]|[dDwWsSnrtvf]|x[\da-fA-F]{2}|u[\da-fA-F]{4}|0(?!\d))/;
const WORD = /\w/;

// Recursive descent over the subset, after `new RegExp` has accepted the syntax. One-character
// parts (literals, `.`, classes, escapes) become small anchored RegExps: testing one character
// cannot backtrack.
function parse(source: string): Node {
  let i = 0;
  const one = (part: string): RegExp => {
    i += part.length;
    return new RegExp(`^(?:${part})$`);
  };
  const readEscape = (inClass: boolean): string => {
    const rest = source.slice(i);
    const known = ESCAPE.exec(rest) ?? (inClass && rest.startsWith('\\b') ? ['\\b'] : null);
    if (known) return known[0];
    return refuse(/^\\([1-9]|k<)/.test(rest) ? 'regex_backreference' : 'regex_unsupported');
  };
  const atom = (): Node => {
    const c = source[i];
    if (c === '(') {
      i++;
      if (source[i] === '?') {
        if (source[i + 1] === ':') i += 2;
        else if (source[i + 1] === '<' && !/[=!]/.test(source[i + 2] as string)) i = source.indexOf('>', i) + 1;
        else refuse('regex_lookaround');
      }
      const inner = alternation();
      i++;
      return inner;
    }
    if (c === '[') {
      const start = i++;
      if (source[i] === '^') i++;
      while (source[i] !== ']') i += source[i] === '\\' ? readEscape(true).length : 1;
      const part = source.slice(start, i + 1);
      i = start;
      return one(part);
    }
    if (c === '^' || c === '$') return (i++, c === '^' ? 0 : 1);
    if (c === '\\') {
      if (/[bB]/.test(source[i + 1] as string)) return ((i += 2), source[i - 1] === 'b' ? 2 : 3);
      return one(readEscape(false));
    }
    if (c === '{') refuse('regex_unsupported');
    return one(c as string);
  };
  const sequence = (): Node[] => {
    const items: Node[] = [];
    while (i < source.length && source[i] !== '|' && source[i] !== ')') {
      const item = atom();
      const m = /^(?:([*+?])|\{(\d+)(,(\d*))?\})\??/.exec(source.slice(i));
      if (source[i] === '{' && !m) refuse('regex_unsupported');
      if (!m) {
        items.push(item);
        continue;
      }
      i += m[0].length;
      const min = m[1] ? +(m[1] === '+') : +(m[2] as string);
      const max = m[1] ? (m[1] === '?' ? 1 : Infinity) : m[3] === undefined ? min : m[4] ? +m[4] : Infinity;
      if (min > MAX_COUNT || (max < Infinity && max > MAX_COUNT)) refuse('regex_too_complex');
      items.push({ item, min, max });
    }
    return items;
  };
  const alternation = (): Node => {
    const or = [sequence()];
    while (source[i] === '|') i++, or.push(sequence());
    return or.length === 1 ? (or[0] as Node) : { or };
  };
  return alternation();
}

// The matcher program: parallel arrays indexed by state. `test` is the character test of a
// consuming state, `next` and `alt` the two ways on of a split, an assertion's kind in `alt`.
interface Program {
  test: (RegExp | null)[];
  next: number[];
  alt: number[];
}

// Thompson's construction, built back to front: each node compiles with its continuation known.
// State 0 is the match; a split has next and alt; an assertion has no test and alt -2..-5.
function build(root: Node): { program: Program; start: number } {
  const program: Program = { test: [null], next: [-1], alt: [-1] };
  const add = (test: RegExp | null, next: number, alt: number): number => {
    if (program.next.length >= MAX_REGEX_STATES) refuse('regex_too_complex');
    program.test.push(test);
    program.next.push(next);
    return program.alt.push(alt) - 1;
  };
  const compile = (node: Node, out: number): number => {
    if (node instanceof RegExp) return add(node, out, -1);
    if (typeof node === 'number') return add(null, out, -2 - node);
    if (Array.isArray(node)) return node.reduceRight((at: number, item) => compile(item, at), out);
    if ('or' in node)
      return node.or
        .slice(0, -1)
        .reduceRight((at: number, item) => add(null, compile(item, out), at), compile(node.or[node.or.length - 1] as Node, out));
    let at = out;
    if (node.max === Infinity) {
      at = add(null, -1, out);
      program.next[at] = compile(node.item, at);
    } else for (let k = node.min; k < node.max; k++) at = add(null, compile(node.item, at), out);
    for (let k = 0; k < node.min; k++) at = compile(node.item, at);
    return at;
  };
  return { program, start: compile(root, 0) };
}

// Pike's simulation without captures: every live state advances together, one character at a time.
function run({ test, next, alt }: Program, start: number, text: string): [boolean, number] {
  const seen = new Int32Array(next.length).fill(-1);
  let current: number[] = [];
  let steps = 0;
  let position = 0;
  let upcoming: number[] = [];
  const isWord = (at: number) => WORD.test(text[at] ?? '');
  // Follows the empty moves from `state` at `position`; true when they reach the match state.
  const reach = (state: number): boolean => {
    const stack = [state];
    while (stack.length > 0) {
      const s = stack.pop() as number;
      if (seen[s] === position) continue;
      seen[s] = position;
      steps++;
      const a = alt[s] as number;
      if (s === 0) return true;
      if (test[s]) upcoming.push(s);
      else if (a >= 0) stack.push(a, next[s] as number);
      else if (a === -2 ? position === 0 : a === -3 ? position === text.length : (isWord(position - 1) !== isWord(position)) === (a === -4))
        stack.push(next[s] as number);
    }
    return false;
  };
  for (; position <= text.length; position++) {
    // States reached by the previous character, then a fresh start here (the pattern may begin anywhere).
    const c = text[position - 1] as string;
    for (const s of current) {
      steps++;
      if ((test[s] as RegExp).test(c) && reach(next[s] as number)) return [true, steps];
    }
    if (reach(start)) return [true, steps];
    current = upcoming;
    upcoming = [];
  }
  return [false, steps];
}

/**
 * Compiles a marketer's regular expression to a matcher that cannot backtrack: it runs every
 * possible match at once (Thompson's construction, Pike's simulation), so a test takes at most
 * `states × 2` steps per character of text, whatever the pattern and the text. The supported subset,
 * with JavaScript's meaning: literals, `.`, classes (`[a-z]`, `[^/]`, `\d \w \s \D \W \S`),
 * escapes (`\.`, `\n`, `\xHH`, `\uHHHH`), groups `( )` and `(?: )`, `|`, `* + ?` and `{n}`, `{n,}`,
 * `{n,m}` (lazy forms too), and `^ $ \b \B`. Refused, with the reason: an empty pattern, over 200
 * characters, backreferences, lookahead and lookbehind, other escapes and a `{` that is not a count,
 * a pattern that needs more than 400 states (`(a{50}){50}`), and anything `RegExp` itself refuses.
 *
 * @example compileBoundedRegex('^/blog/[a-z-]+$').test('/blog/hello') // true
 * @example compileBoundedRegex('(a)\\1') // { code: 'regex_backreference' }
 */
export function compileBoundedRegex(source: string): BoundedRegex | { code: RegexIssue } {
  if (source.length === 0) return { code: 'regex_empty' };
  if (source.length > MAX_REGEX_LENGTH) return { code: 'regex_too_long' };
  try {
    new RegExp(source);
  } catch {
    return { code: 'regex_invalid' };
  }
  let built: ReturnType<typeof build>;
  try {
    built = build(parse(source));
  } catch (error) {
    return { code: (error as { refused?: RegexIssue }).refused ?? 'regex_invalid' };
  }
  const states = built.program.next.length;
  return {
    states,
    test(text, budget) {
      if (budget && budget.left < (text.length + 1) * states * 2) {
        budget.left = -1;
        return false;
      }
      const [matched, steps] = run(built.program, built.start, text);
      if (budget) budget.left -= steps;
      return matched;
    },
  };
}
