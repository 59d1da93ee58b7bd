import { describe, expect, it } from 'vitest';
import { compileBoundedRegex, type BoundedRegex } from './bounded-regex';

const compiled = (source: string): BoundedRegex => {
  const regex = compileBoundedRegex(source);
  if ('code' in regex) throw new Error(`${source} refused: ${regex.code}`);
  return regex;
};

/** Steps a test takes, read from the budget it spends. */
const steps = (regex: BoundedRegex, text: string): number => {
  const budget = { left: 1e9 };
  regex.test(text, budget);
  return 1e9 - budget.left;
};

/** Seeded PRNG (mulberry32), so the differential test is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('compileBoundedRegex', { timeout: 60_000 }, () => {
  it('compiles ordinary patterns with JavaScript meaning', () => {
    expect(compiled('^/blog/[a-z-]+$').test('/blog/hello-world')).toBe(true);
    expect(compiled('^/blog/[a-z-]+$').test('/blog/Hello')).toBe(false);
    expect(compiled('^(trial|customer)$').test('customer')).toBe(true);
    expect(compiled('(ab)+c').test('xxababc')).toBe(true);
    expect(compiled('[(+*]+').test('a*b')).toBe(true);
    expect(compiled('^spring-[0-9]{4}$').test('spring-2026')).toBe(true);
    expect(compiled('^spring-[0-9]{4}$').test('spring-202')).toBe(false);
    expect(compiled('\\bpro\\b').test('plan pro x')).toBe(true);
    expect(compiled('\\bpro\\b').test('plan-prox')).toBe(false);
    expect(compiled('^a.c$').test('a\nc')).toBe(false);
    expect(compiled('^[^]$').test('\n')).toBe(true);
    expect(compiled('^[]$').test('')).toBe(false);
    expect(compiled('x{2,}?y').test('xxxy')).toBe(true);
  });

  it('accepts nested quantifiers, since none can backtrack here', () => {
    for (const source of ['(a+)+$', '(a*)*', '(a|aa)*b', '((a)+)+', '(x{2,})+', '(?:a+){2,}', '(.?){40}x', 'a*a*a*a*a*b']) {
      expect('code' in (compileBoundedRegex(source) as object), source).toBe(false);
    }
  });

  it('refuses backreferences, lookaround, unsupported escapes, empty, overlong, oversized and invalid patterns, each with its reason', () => {
    expect(compileBoundedRegex('(a)\\1')).toEqual({ code: 'regex_backreference' });
    expect(compileBoundedRegex('(?<n>a)\\k<n>')).toEqual({ code: 'regex_backreference' });
    expect(compileBoundedRegex('(?<=a)b')).toEqual({ code: 'regex_lookaround' });
    expect(compileBoundedRegex('a(?=b)')).toEqual({ code: 'regex_lookaround' });
    expect(compileBoundedRegex('a(?!b)')).toEqual({ code: 'regex_lookaround' });
    expect(compileBoundedRegex('\\cJ')).toEqual({ code: 'regex_unsupported' });
    expect(compileBoundedRegex('a{')).toEqual({ code: 'regex_unsupported' });
    expect(compileBoundedRegex('\\p{L}')).toEqual({ code: 'regex_unsupported' });
    expect(compileBoundedRegex('')).toEqual({ code: 'regex_empty' });
    expect(compileBoundedRegex('a'.repeat(201))).toEqual({ code: 'regex_too_long' });
    expect(compileBoundedRegex('(a{50}){50}')).toEqual({ code: 'regex_too_complex' });
    expect(compileBoundedRegex('(?:){99999999}')).toEqual({ code: 'regex_too_complex' });
    expect(compileBoundedRegex('(unclosed')).toEqual({ code: 'regex_invalid' });
    expect(compileBoundedRegex('a{2,1}')).toEqual({ code: 'regex_invalid' });
  });

  it('regression: (.?){40}x on a page path takes steps linear in the text and answers like RegExp', () => {
    const regex = compiled('(.?){40}x');
    const path = `/${'a'.repeat(40)}`;
    expect(regex.test(path)).toBe(false);
    expect(regex.test(`${path}x`)).toBe(true);
    const long = `/${'a'.repeat(999)}`;
    // Twice the text, twice the steps (within rounding): no backtracking, whatever the input.
    expect(steps(regex, long) / steps(regex, long.slice(0, 500))).toBeLessThan(2.1);
    expect(steps(regex, long)).toBeLessThanOrEqual(1001 * regex.states * 2);
  });

  it('regression: a*a*a*a*a*b on a crafted utm_source value takes steps linear in the text', () => {
    const regex = compiled('a*a*a*a*a*b');
    const crafted = 'a'.repeat(1000);
    expect(regex.test(crafted)).toBe(false);
    expect(regex.test(`${crafted}b`)).toBe(true);
    expect(steps(regex, crafted) / steps(regex, crafted.slice(0, 500))).toBeLessThan(2.1);
    expect(steps(regex, crafted)).toBeLessThanOrEqual(1001 * regex.states * 2);
  });

  it('does not run, and spends the budget, when the worst case would not fit', () => {
    const regex = compiled('a*a*a*a*a*b');
    const budget = { left: 100 };
    expect(regex.test(`${'a'.repeat(1000)}b`, budget)).toBe(false);
    expect(budget.left).toBeLessThan(0);
  });

  it('answers exactly like RegExp on 4,000 random patterns of the subset and random texts', () => {
    const rand = prng(0x5eed);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
    const atoms = [
      'a',
      'b',
      '.',
      '\\d',
      '\\w',
      '\\s',
      '\\W',
      '[ab]',
      '[^a]',
      '[a-c\\d]',
      '\\.',
      '-',
      '/',
      '\\b',
      '\\B',
      '^',
      '$',
      '[\\D]',
      '\\x61',
      '\\u0062',
    ];
    const quantifiers = ['', '', '', '*', '+', '?', '{2}', '{0,2}', '{1,}', '*?', '+?'];
    const pattern = (depth: number): string => {
      let out = '';
      const length = 1 + Math.floor(rand() * 4);
      for (let i = 0; i < length; i++) {
        const r = rand();
        let atom =
          depth < 2 && r < 0.25
            ? `(${pattern(depth + 1)})`
            : depth < 2 && r < 0.35
              ? `(?:${pattern(depth + 1)}|${pattern(depth + 1)})`
              : pick(atoms);
        if (!/^[$^]$|^\\[bB]$/.test(atom)) atom += pick(quantifiers);
        out += atom;
      }
      return rand() < 0.2 ? `${out}|${pattern(depth + 1)}` : out;
    };
    let matches = 0;
    let tooComplex = 0;
    for (let i = 0; i < 4000; i++) {
      const source = pattern(0);
      const ours = compileBoundedRegex(source);
      if ('code' in ours) {
        // Only size may refuse a pattern of the subset, and only a few.
        expect(['regex_too_complex', 'regex_too_long'], source).toContain(ours.code);
        tooComplex++;
        continue;
      }
      const theirs = new RegExp(source);
      for (let k = 0; k < 5; k++) {
        const text = Array.from({ length: Math.floor(rand() * 8) }, () => pick(['a', 'b', 'c', '1', ' ', '.', '/', '\n', '-'])).join('');
        const expected = theirs.test(text);
        if (expected) matches++;
        expect((ours as BoundedRegex).test(text), `${source} on ${JSON.stringify(text)}`).toBe(expected);
      }
    }
    // Both outcomes must be common, or the comparison would prove little.
    expect(tooComplex).toBeLessThan(200);
    expect(matches).toBeGreaterThan(4000);
    expect(matches).toBeLessThan(16000);
  });
});
