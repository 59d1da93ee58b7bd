import { describe, expect, it } from 'vitest';
import { compileBoundedRegex, compileRules, evaluate, SIGNAL_TYPES, validateRules, type Facts } from '@attune/rules';

/** Seeded PRNG (mulberry32): the same 10,000 files on every run, so a finding reproduces. */
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

const PIECES = [
  'a',
  'a*',
  '(a',
  ')',
  '|',
  '.',
  '.?',
  '?',
  '+',
  '*',
  '{2}',
  '{40}',
  '{1,9}',
  '[a-z]',
  '[^/]',
  '\\d',
  '\\w+',
  '\\1',
  '(?=',
  '(?<=',
  '^',
  '$',
  '\\b',
  '/',
  'x',
  '(.?)',
  '(a+)+',
  '(a|aa)*',
  '{',
  '}',
  ']',
  '\\',
];
const GLOB = ['*', '?', 'a', '/', 'pricing', '*a', 'b', '**'];
const SHOW = { type: 'help', title: 'Need a hand?', body: 'Here is how the plans differ.' };
// Not a timing benchmark: a hang detector, generous enough for a loaded 2-core machine.
const HANG_MS = 2000;

function condition(rand: () => number, depth: number): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const pattern = (pieces: readonly string[], max: number) =>
    Array.from({ length: 1 + Math.floor(rand() * max) }, () => pick(pieces)).join('');
  const r = rand();
  if (depth < 3 && r < 0.2)
    return { [pick(['all', 'any', 'none'])]: Array.from({ length: 1 + Math.floor(rand() * 6) }, () => condition(rand, depth + 1)) };
  if (depth < 3 && r < 0.25) return { not: condition(rand, depth + 1) };
  if (r < 0.45) return { fact: pick(['page.path', 'page.utm.utm_source', 'page.utm.utm_campaign', 'locale']), regex: pattern(PIECES, 12) };
  if (r < 0.6) return { fact: pick(['page.path', 'page.utm.utm_source']), glob: pattern(GLOB, 40) };
  if (r < 0.72) return { page: `/${pattern(GLOB, 60)}` };
  if (r < 0.82) return { views: `*${pattern(GLOB, 40)}`, atLeast: 1 + Math.floor(rand() * 3) };
  if (r < 0.92) return { signal: pick(SIGNAL_TYPES), target: pattern(GLOB, 30), atLeast: 1 + Math.floor(rand() * 3) };
  return { fact: 'visitor.visits', gte: Math.floor(rand() * 5) };
}

function facts(rand: () => number, now: number): Facts {
  const long = (n: number) => Array.from({ length: Math.floor(rand() * n) }, () => 'ab/x'[Math.floor(rand() * 4)]).join('');
  return {
    page: { path: `/${long(3000)}`, utm: { utm_source: long(10_000), utm_campaign: 'spring-2026' } },
    signals: Array.from({ length: Math.floor(rand() * 20) }, () => ({
      type: SIGNAL_TYPES[Math.floor(rand() * SIGNAL_TYPES.length)]!,
      target: long(500),
      count: 1,
      at: now - 1000,
    })),
    views: Array.from({ length: Math.floor(rand() * 20) }, () => ({ path: `/${long(2000)}`, at: now - 5000 })),
    visitor: { returning: true, visits: 3, firstSeen: now - 86_400_000 },
    locale: 'en',
  };
}

describe('pattern fuzz', { timeout: 120_000 }, () => {
  it('10,000 generated rules files with hostile regexes and globs go through validate, compile and evaluate with 0 escapes and no file over the hang limit', () => {
    const rand = prng(0x16);
    const now = 1_000_000_000;
    let escapes = 0;
    let hangs = 0;
    let kept = 0;
    let refusedPatterns = 0;
    let slowest = 0;
    // Building long texts is the slow part of a run: 40 sets of facts, reused.
    const pool = Array.from({ length: 40 }, () => facts(rand, now));
    for (let i = 0; i < 10_000; i++) {
      const file = {
        version: 1,
        rules: Array.from({ length: 1 + Math.floor(rand() * 8) }, (_, k) => ({ id: `r${k}`, when: condition(rand, 0), show: SHOW })),
      };
      const started = performance.now();
      try {
        const checked = validateRules(file);
        const compiled = compileRules(file, compileBoundedRegex);
        refusedPatterns += checked.errors.filter((e) => e.code.startsWith('regex_')).length;
        if (compiled.rules) {
          kept += compiled.rules.rules.length;
          evaluate(compiled.rules, pool[i % pool.length]!, { shown: [], dismissed: [] }, now);
        }
      } catch {
        escapes++;
      }
      const took = performance.now() - started;
      slowest = Math.max(slowest, took);
      if (took > HANG_MS) hangs++;
    }
    console.info(
      `pattern fuzz: 10,000 files, ${kept} rules kept, ${refusedPatterns} patterns refused, slowest file ${slowest.toFixed(0)} ms`,
    );
    expect(escapes).toBe(0);
    expect(hangs).toBe(0);
    // Both outcomes must be common, or the fuzz would prove little.
    expect(kept).toBeGreaterThan(10_000);
    expect(refusedPatterns).toBeGreaterThan(1000);
  });
});
