import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  compileBoundedRegex,
  compileRules,
  evaluate,
  parseRules,
  SIGNAL_TYPES,
  validateRules,
  type CompiledRules,
  type Facts,
  type History,
} from '@attune/rules';

/** Seeded PRNG (mulberry32) so every run fuzzes the same inputs and a failure reproduces. */
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

const recipesDir = fileURLToPath(new URL('../recipes/', import.meta.url));
const recipes = readdirSync(recipesDir).map((f) => readFileSync(recipesDir + f, 'utf8'));

const KEYS = [
  'id',
  'when',
  'show',
  'all',
  'any',
  'none',
  'not',
  'signal',
  'target',
  'atLeast',
  'within',
  'page',
  'views',
  'fact',
  'eq',
  'in',
  'between',
  'regex',
  'intent',
  'type',
  'title',
  'body',
  'links',
  'href',
  'field',
  'question',
  'options',
  'status',
  'priority',
  'caps',
  'holdout',
  'group',
  'defaults',
  'intents',
  'rules',
  'enabled',
  'version',
  'locales',
  '__proto__',
  'constructor',
  'prototype',
  '$comment',
  'dismissible',
  'cooldown',
  'quietPages',
];
const STRINGS = [
  ...SIGNAL_TYPES,
  'rage_clik',
  'help',
  'ask',
  'handoff',
  'callback',
  'live',
  'shadow',
  'off',
  '60s',
  '0s',
  '99d',
  'soon',
  '/pricing*',
  'pricing*',
  'javascript:alert(1)',
  '//evil',
  'https://x.example',
  '/faq',
  'visitor.visits',
  'page.path',
  'dwell',
  'stage',
  '(a+)+$',
  '^ok$',
  '',
  ' ',
  'x'.repeat(300),
  '\u0000',
  '<b>hi</b>',
];

function randomValue(rand: () => number, depth: number): unknown {
  const pick = rand();
  if (depth > 6 || pick < 0.3) {
    const choices: unknown[] = [
      null,
      true,
      false,
      0,
      -1,
      1.5,
      1e300,
      3,
      rand() * 100,
      STRINGS[Math.floor(rand() * STRINGS.length)],
      Math.floor(rand() * 10),
    ];
    return choices[Math.floor(rand() * choices.length)];
  }
  if (pick < 0.55) return Array.from({ length: Math.floor(rand() * 4) }, () => randomValue(rand, depth + 1));
  const object: Record<string, unknown> = {};
  const n = Math.floor(rand() * 5);
  for (let i = 0; i < n; i++)
    Object.defineProperty(object, KEYS[Math.floor(rand() * KEYS.length)] as string, {
      value: randomValue(rand, depth + 1),
      enumerable: true,
      configurable: true,
      writable: true,
    });
  return object;
}

/** Replaces, deletes or inserts one thing somewhere in a JSON value. */
function mutate(value: unknown, rand: () => number, depth = 0): unknown {
  if (Array.isArray(value)) {
    const copy = [...value];
    if (copy.length > 0 && rand() < 0.7) {
      const i = Math.floor(rand() * copy.length);
      copy[i] = mutate(copy[i], rand, depth + 1);
    } else if (rand() < 0.5) copy.push(randomValue(rand, depth));
    else copy.splice(Math.floor(rand() * (copy.length + 1)), 1);
    return copy;
  }
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    const r = rand();
    if (keys.length > 0 && r < 0.6) {
      const key = keys[Math.floor(rand() * keys.length)] as string;
      copy[key] = mutate(copy[key], rand, depth + 1);
    } else if (keys.length > 0 && r < 0.8) {
      delete copy[keys[Math.floor(rand() * keys.length)] as string];
    } else {
      Object.defineProperty(copy, KEYS[Math.floor(rand() * KEYS.length)] as string, {
        value: randomValue(rand, depth),
        enumerable: true,
        configurable: true,
        writable: true,
      });
    }
    return copy;
  }
  return rand() < 0.5 ? randomValue(rand, 5) : value;
}

function randomFacts(rand: () => number, now: number): Facts {
  return {
    page: {
      path: (['/pricing', '/checkout', '/docs/a', '/signup', '/'] as const)[Math.floor(rand() * 5)] as string,
      referrer: 'search',
      utm: { utm_campaign: 'spring-2026' },
    },
    signals: Array.from({ length: Math.floor(rand() * 6) }, () => ({
      type: SIGNAL_TYPES[Math.floor(rand() * SIGNAL_TYPES.length)]!,
      target: (['pricing', 'pricing/plan-pro', '#signup-email', 'nav/home', 'form#signup > button'] as const)[
        Math.floor(rand() * 5)
      ] as string,
      count: 1 + Math.floor(rand() * 5),
      at: now - Math.floor(rand() * 600_000),
    })),
    visitor: {
      returning: rand() < 0.5,
      visits: Math.floor(rand() * 5),
      firstSeen: now - 9 * 86_400_000,
      id: `v-${Math.floor(rand() * 100)}`,
    },
    views: Array.from({ length: Math.floor(rand() * 6) }, () => ({
      path: (['/pricing', '/pricing/teams', '/docs/a', '/'] as const)[Math.floor(rand() * 4)] as string,
      at: now - Math.floor(rand() * 3_600_000),
    })).sort((a, b) => a.at - b.at),
    dwell: Math.floor(rand() * 60_000),
    stage: 'trial',
    device: 'mobile',
    consent: { help: 'granted', profiling: 'granted' },
    profile: rand() < 0.5 ? { role: 'dev' } : {},
    intents: rand() < 0.3 ? ['comparing'] : [],
  };
}

/** Rebuilds a rules file from compiled rules; it must validate with no errors at all. */
function revalidate(compiled: CompiledRules): ReturnType<typeof validateRules> {
  const intents = Object.fromEntries(Object.entries(compiled.intents ?? {}).map(([name, when]) => [name, { when }]));
  return validateRules({
    version: 1,
    enabled: compiled.enabled,
    ...(compiled.defaults ? { defaults: compiled.defaults } : {}),
    intents,
    rules: compiled.rules,
  });
}

// Thousands of files take seconds; the default 5 s timeout is too tight when the suite runs in parallel.
describe('fuzz', { timeout: 180_000 }, () => {
  it('never throws on thousands of mutated rules files, compileRules agrees with validateRules, only valid rules reach the evaluator, and the fast path agrees with the trace', () => {
    const rand = prng(0xa77e);
    const now = 1_000_000_000;
    const history: History = { shown: [{ ruleId: 'pricing-help', at: now - 3_600_000 }], dismissed: [], sessionStart: now - 600_000 };
    let kept = 0;
    let decisions = 0;
    for (let i = 0; i < 2000; i++) {
      let input: unknown = JSON.parse(recipes[i % recipes.length] as string);
      const rounds = 1 + Math.floor(rand() * 4);
      for (let r = 0; r < rounds; r++) input = mutate(input, rand);
      const result = validateRules(input);
      expect(Array.isArray(result.errors)).toBe(true);
      // Compiled matchers are closures: compare them by source.
      const comparable = (rules: CompiledRules | null) => rules && { ...rules, regexes: [...(rules.regexes?.keys() ?? [])] };
      expect(comparable(compileRules(input, compileBoundedRegex).rules)).toEqual(comparable(result.rules));
      if (!result.rules) {
        expect(result.ok).toBe(false);
        continue;
      }
      const again = revalidate(result.rules);
      expect(again.errors, JSON.stringify(input).slice(0, 500)).toEqual([]);
      expect(again.rules?.rules.map((rule) => rule.id)).toEqual(result.rules.rules.map((rule) => rule.id));
      kept += result.rules.rules.length;
      const facts = randomFacts(rand, now);
      const evaluation = evaluate(result.rules, facts, history, now);
      // The short-circuiting fast path and the full trace must agree on every outcome.
      const traced = evaluate(result.rules, facts, history, now, { traceAll: true });
      expect([traced.decision, traced.shadow, traced.blocked]).toEqual([evaluation.decision, evaluation.shadow, evaluation.blocked]);
      expect(traced.considered?.map((c) => [c.ruleId, c.matched, c.blocked])).toEqual(
        evaluation.considered?.map((c) => [c.ruleId, c.matched, c.blocked]),
      );
      if (evaluation.decision) {
        decisions++;
        expect(result.rules.rules.some((rule) => rule.id === evaluation.decision?.ruleId)).toBe(true);
      }
    }
    // The mutations must leave many files partly valid, or this test would prove nothing.
    expect(kept).toBeGreaterThan(700);
    expect(decisions).toBeGreaterThan(10);
  });

  it('never throws on random values', () => {
    const rand = prng(7);
    for (let i = 0; i < 3000; i++) {
      const result = validateRules(randomValue(rand, 0));
      expect(typeof result.ok).toBe('boolean');
    }
  });

  it('never throws on damaged JSON text, and names a line and column', () => {
    const rand = prng(42);
    let malformed = 0;
    for (let i = 0; i < 2000; i++) {
      const chars = [...(recipes[i % recipes.length] as string)];
      const edits = 1 + Math.floor(rand() * 3);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(rand() * chars.length);
        if (rand() < 0.5) chars.splice(at, 1);
        else chars.splice(at, 0, ['{', '}', '[', ']', ',', '"', ':', 'x', '\n', '\\'][Math.floor(rand() * 10)] as string);
      }
      const result = parseRules(chars.join(''));
      if (result.errors[0]?.message.startsWith('Malformed JSON')) {
        malformed++;
        expect(result.errors[0].message).toMatch(/^Malformed JSON at line \d+, column \d+: /);
      }
    }
    expect(malformed).toBeGreaterThan(1000);
  });
});
