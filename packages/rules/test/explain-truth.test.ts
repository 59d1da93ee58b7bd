import { describe, expect, it } from 'vitest';
import {
  evaluate,
  explain,
  explainSentences,
  validateRules,
  type Facts,
  type History,
  type SignalRecord,
  type SignalType,
} from '@attune/rules';
import { describePage, describeTarget } from '../src/describe-target';
import { PHRASES, type PhraseBook } from '../src/explain-phrases';

// Property: every sentence of "Why am I seeing this?" tells a condition that passed in the decision's
// trace, outside `not` and `none`, in a branch that passed, and says something true of the facts.
// The truth is worked out here from the facts, independently of the evaluator's reasons.

/** Seeded PRNG (mulberry32) so every run generates the same cases and a failure reproduces. */
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

const NOW = 2_000_000_000_000;
const DAY = 86_400_000;
const LANGUAGES = ['en', 'de', 'fr', 'es', 'ar'];
const SIGNALS: SignalType[] = ['rage_click', 'dead_click', 'form_error', 'hesitation', 'form_abandon', 'exit_intent'];
const TARGETS = ['pricing-table', 'signup', '#email'];
const PATHS = ['/pricing', '/pricing/teams', '/signup', '/docs/start'];
const DESCRIBED = 'You compared our plans.';
const OUTCOMES = ['shown', 'dismissed', 'snoozed', 'helpful', 'not_helpful'] as const;
const SESSION_START = NOW - 20 * 60_000;

/** A help history with entries for rules `a` and `b`, some before this session. */
function history(rand: () => number): History {
  const entries = () =>
    Array.from({ length: Math.floor(rand() * 3) }, () => ({ ruleId: pick(rand, ['a', 'b']), at: NOW - Math.floor(rand() * 40 * 60_000) }));
  return {
    shown: entries().map((e) => ({
      ...e,
      ...(rand() < 0.3 ? { shadow: true } : {}),
      ...(rand() < 0.6 ? { outcome: pick(rand, ['helpful_yes', 'helpful_no', 'engaged'] as const) } : {}),
    })),
    dismissed: entries().map((e) => ({ ...e, kind: pick(rand, ['dismiss', 'escape', 'snooze', 'never', 'skip'] as const) })),
    sessionStart: SESSION_START,
  };
}

type Leaf = Record<string, unknown>;
const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

function leaf(rand: () => number, inIntent: boolean): Leaf {
  const choices: (() => Leaf)[] = [
    () => ({ signal: pick(rand, SIGNALS), target: pick(rand, TARGETS) }),
    () => ({ signal: pick(rand, SIGNALS), target: pick(rand, TARGETS), atLeast: 2 }),
    () => ({ page: pick(rand, ['/pricing*', '/signup', '/docs/**']) }),
    () => ({ views: pick(rand, ['/pricing*', '/signup']), atLeast: pick(rand, [1, 2]) }),
    () => ({ fact: 'dwell', gt: '10s' }),
    () => ({ fact: 'dwell', lt: '10s' }),
    () => ({ fact: 'idle', gte: '5s' }),
    () => ({ fact: 'visitor.visits', gte: 2 }),
    () => ({ fact: 'visitor.returning', eq: true }),
    () => ({ fact: 'visitor.daysSinceFirstVisit', gte: pick(rand, [1, 3]) }),
    () => ({ fact: 'profile.role', eq: 'developer' }),
    () => ({ fact: 'profile.role', exists: rand() < 0.5 }),
    () => ({ fact: 'form.state', eq: pick(rand, ['started', 'errors', 'untouched']) }),
    () => ({ fact: 'form.state', in: ['errors', 'abandoned'] }),
    () => ({ fact: 'form.state', ne: 'submitted' }),
    () => ({ fact: 'form.errors', gt: 0 }),
    () => ({ fact: 'page.referrer', eq: pick(rand, ['search', 'internal', 'email']) }),
    () => ({ fact: 'page.referrer', in: ['social', 'paid', 'referral'] }),
    () => ({ fact: 'page.referrer', nin: ['internal'] }),
    () => ({ fact: 'device', eq: pick(rand, ['mobile', 'desktop', 'tablet']) }),
    () => ({ fact: 'device', in: ['mobile', 'tablet'] }),
    () => ({ fact: 'device', ne: 'desktop' }),
    () => ({ fact: 'stage', eq: 'trial' }),
    () => ({ fact: 'locale', startsWith: 'en' }),
    () => ({ fact: 'consent.profiling', eq: 'granted' }),
    () => ({ fact: 'page.utm.utm_source', eq: 'newsletter' }),
    () => ({ fact: 'page.path', eq: '/signup' }),
    () => ({ fact: 'page.path', glob: '/pricing*' }),
    () => ({ fact: 'page.path', startsWith: '/docs' }),
    () => ({
      rule: pick(rand, ['a', 'b']),
      was: pick(rand, OUTCOMES),
      ...(rand() < 0.5 ? { within: pick(rand, ['session', '10m']) } : {}),
    }),
    () => ({ intent: pick(rand, ['comparing', 'evaluating']) }),
  ];
  // An intent cannot refer to another intent.
  return pick(rand, inIntent ? choices.slice(0, -1) : choices)();
}

function condition(rand: () => number, depth: number, inIntent = false): Leaf {
  const r = rand();
  if (depth >= 3 || r < 0.45) return leaf(rand, inIntent);
  const children = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => condition(rand, depth + 1, inIntent));
  if (r < 0.7) return { all: children };
  if (r < 0.85) return { any: children };
  if (r < 0.93) return { none: children };
  return { not: children[0] };
}

function facts(rand: () => number): Facts {
  const maybe = <T>(list: readonly T[]): T | undefined => (rand() < 0.25 ? undefined : pick(rand, list));
  const signals: SignalRecord[] = Array.from({ length: Math.floor(rand() * 6) }, () => ({
    type: pick(rand, SIGNALS),
    target: pick(rand, TARGETS),
    count: 1 + Math.floor(rand() * 5),
    at: NOW - Math.floor(rand() * 120_000),
  }));
  const visits = 1 + Math.floor(rand() * 5);
  const form = maybe(['untouched', 'started', 'errors', 'abandoned', 'submitted'] as const);
  const referrer = maybe(['search', 'social', 'email', 'paid', 'direct', 'referral', 'internal'] as const);
  const device = maybe(['desktop', 'tablet', 'mobile'] as const);
  const result: Facts = {
    page: { path: pick(rand, PATHS), utm: { utm_source: pick(rand, ['newsletter', 'partner']) }, ...(referrer ? { referrer } : {}) },
    signals,
    visitor: { returning: visits > 1, visits, firstSeen: NOW - Math.floor(rand() * 20 * DAY) },
    views: Array.from({ length: Math.floor(rand() * 4) }, (_, i) => ({ path: pick(rand, PATHS), at: NOW - (i + 1) * 60_000 })),
    dwell: Math.floor(rand() * 30_000),
    idle: Math.floor(rand() * 10_000),
    stage: pick(rand, ['trial', 'customer']),
    locale: pick(rand, ['en-GB', 'de-DE', 'fr']),
    consent: { profiling: pick(rand, ['granted', 'denied'] as const) },
    ...(device ? { device } : {}),
    ...(form ? { form: { state: form, errors: form === 'errors' ? 1 + Math.floor(rand() * 2) : 0 } } : {}),
    ...(rand() < 0.5 ? { profile: { role: pick(rand, ['developer', 'designer']) } } : {}),
  };
  return result;
}

const globMatches = (pattern: string, path: string) =>
  pattern.endsWith('/**')
    ? path.startsWith(pattern.slice(0, -2))
    : pattern.endsWith('*')
      ? path.startsWith(pattern.slice(0, -1))
      : path === pattern;

/** What a condition can truthfully say about these facts, worked out from the facts alone. */
function claims(c: Leaf, f: Facts, h: History, book: PhraseBook, language: string): string[] {
  const t = book.facts;
  const page = (pattern: string) => t.page(describePage(pattern, language) as string);
  if ('signal' in c) {
    const hits = f.signals.filter((s) => s.type === c.signal && s.target === c.target && s.at <= NOW);
    if (hits.length < ((c.atLeast as number) ?? 1)) return [];
    const sum = hits.reduce((n, s) => n + s.count, 0);
    return [book.signals[c.signal as SignalType](describeTarget(c.target as string, language), sum, hits.length)];
  }
  if ('page' in c) return globMatches(c.page as string, f.page.path) ? [page(c.page as string)] : [];
  if ('views' in c) {
    const n = (f.views ?? []).filter((v) => globMatches(c.views as string, v.path)).length;
    if (n < ((c.atLeast as number) ?? 1)) return [];
    return [n > 1 ? t.views(describePage(c.views as string, language) as string, n) : page(c.views as string)];
  }
  if ('intent' in c) return c.intent === 'comparing' ? [DESCRIBED] : [];
  if ('was' in c) {
    const since = c.within === 'session' ? SESSION_START : c.within === '10m' ? NOW - 600_000 : NOW - 30 * DAY;
    const was = c.was as (typeof OUTCOMES)[number];
    const list: { ruleId: string; at: number }[] =
      was === 'shown'
        ? h.shown.filter((e) => !e.shadow)
        : was === 'snoozed'
          ? h.dismissed.filter((e) => e.kind === 'snooze')
          : was === 'dismissed'
            ? h.dismissed.filter((e) => e.kind !== 'snooze')
            : h.shown.filter((e) => e.outcome === (was === 'helpful' ? 'helpful_yes' : 'helpful_no'));
    return list.some((e) => e.ruleId === c.rule && e.at >= since) ? [t.history[was]] : [];
  }
  const days = Math.floor((NOW - f.visitor.firstSeen) / DAY);
  const form = f.form?.state;
  switch (`${c.fact} ${Object.keys(c).find((k) => k !== 'fact')}`) {
    case 'dwell gt':
      return (f.dwell ?? 0) > 10_000 ? [t.dwell] : [];
    case 'idle gte':
      return (f.idle ?? 0) >= 5_000 ? [t.dwell] : [];
    case 'visitor.visits gte':
      return f.visitor.visits >= 2 ? [t.visits(f.visitor.visits)] : [];
    case 'visitor.returning eq':
      return f.visitor.returning && f.visitor.visits > 1 ? [t.visits(f.visitor.visits)] : [];
    case 'visitor.daysSinceFirstVisit gte':
      return days >= (c.gte as number) && days >= 1 ? [t.firstVisit(days)] : [];
    case 'profile.role eq':
      return f.profile?.role === c.eq ? [t.answer(describeTarget('role', language))] : [];
    case 'profile.role exists':
      return c.exists === true && f.profile?.role !== undefined ? [t.answer(describeTarget('role', language))] : [];
    case 'form.state eq':
    case 'form.state in':
      return form && form !== 'untouched' && [c.eq, ...((c.in as string[]) ?? [])].includes(form) ? [t.form[form]] : [];
    case 'form.errors gt':
      return (f.form?.errors ?? 0) > 0 ? [t.form.errors] : [];
    case 'page.referrer eq':
    case 'page.referrer in': {
      const r = f.page.referrer;
      return r && [c.eq, ...((c.in as string[]) ?? [])].includes(r) ? [t.source[r]] : [];
    }
    case 'device eq':
    case 'device in':
      return f.device && [c.eq, ...((c.in as string[]) ?? [])].includes(f.device) ? [t.device[f.device]] : [];
    case 'page.path eq':
      return f.page.path === c.eq ? [page(c.eq as string)] : [];
    case 'page.path glob':
      return globMatches(c.glob as string, f.page.path) ? [page(c.glob as string)] : [];
    case 'page.path startsWith':
      return f.page.path.startsWith(c.startsWith as string) ? [page(`${c.startsWith}*`)] : [];
  }
  // Stage, locale, consent, UTM values, and conditions passing because something was absent or below a bound.
  return [];
}

/** The value at a JSON path such as `$.rules[0].when.all[1]` or `$.intents.evaluating.when`. */
function at(root: unknown, path: string): unknown {
  let node = root as Record<string, unknown>;
  for (const [, name, index] of path.slice(1).matchAll(/\.([A-Za-z_$][\w$]*)|\[(\d+)\]/g))
    node = node?.[name ?? Number(index)] as Record<string, unknown>;
  return node;
}

describe('explain: every sentence tells a condition that passed, and is true of the facts', () => {
  it('holds for 2000 generated rules and facts in every language', () => {
    const rand = prng(20);
    let explained = 0;
    let named = 0;
    for (let n = 0; n < 2000; n++) {
      const file = {
        version: 1,
        intents: {
          comparing: { describe: DESCRIBED, when: condition(rand, 1, true) },
          evaluating: { when: condition(rand, 1, true) },
        },
        rules: [
          { id: 'r', when: condition(rand, 0), show: { type: 'help', title: 'Need a hand?', body: 'Here is how the plans differ.' } },
        ],
      };
      const validation = validateRules(file);
      if (validation.errors.length) expect(validation.errors).toEqual([]);
      const f = facts(rand);
      const h = history(rand);
      const decision = evaluate(validation.rules!, f, h, NOW).decision;
      if (!decision) continue;
      explained++;
      const passed = new Map(decision.trace.map((e) => [e.path, e.passed]));
      for (const language of LANGUAGES) {
        const book = PHRASES[language] as PhraseBook;
        const sentences = explainSentences(decision, language);
        expect(sentences.length).toBeLessThanOrEqual(2);
        if (!sentences.length) expect(explain(decision, language)).toBe(book.fallback);
        for (const { text, path } of sentences) {
          named++;
          // Plain checks (expect is slow in a loop this long); a failure prints the case to reproduce.
          const fail = (what: string) => {
            throw new Error(`${what}: ${JSON.stringify(file)} ${JSON.stringify(f)} → ${text} (${path})`);
          };
          if (path === undefined) fail('a sentence without the path of its condition');
          // The condition and each enclosing condition passed, and none of them is a `not` or `none`.
          if (passed.get(path!) !== true) fail('the condition did not pass');
          for (const [p, ok] of passed)
            if (!ok && path!.startsWith(p) && /^[.[]/.test(path!.slice(p.length))) fail(`the enclosing ${p} did not pass`);
          if (/\.(not|none)\b/.test(path!)) fail('a condition under not or none');
          // An intent's own conditions are named only when the rule's intent condition passed.
          const intent = /^\$\.intents\.(\w+)\./.exec(path!)?.[1];
          if (intent && !decision.trace.some((e) => e.passed && e.path.startsWith('$.rules') && e.condition.includes(intent)))
            fail('an intent that did not pass');
          if (!claims(at(file, path!) as Leaf, f, h, book, language).includes(text)) fail('a sentence not true of the facts');
        }
      }
    }
    // The generator must exercise the property: many decisions, many named sentences, and some fallbacks.
    expect(explained).toBeGreaterThan(500);
    expect(named).toBeGreaterThan(1000);
  }, 60_000);

  it('never explains a rule on stage and device as something done on the page', () => {
    const validation = validateRules({
      version: 1,
      rules: [
        {
          id: 'r',
          when: {
            all: [
              { fact: 'stage', eq: 'trial' },
              { fact: 'device', eq: 'desktop' },
            ],
          },
          show: { type: 'help', title: 'Hi', body: 'Help.' },
        },
      ],
    });
    const base = { page: { path: '/pricing' }, signals: [], visitor: { returning: false, visits: 1, firstSeen: NOW }, stage: 'trial' };
    const decision = evaluate(validation.rules!, { ...base, device: 'desktop' }, { shown: [], dismissed: [] }, NOW).decision!;
    expect(explain(decision)).toBe('You are using a computer.');
    for (const language of LANGUAGES) expect(explain({ ...decision, reasons: [] }, language)).toBe(PHRASES[language]!.fallback);
    expect(PHRASES.en!.fallback).not.toMatch(/page|did/);
  });
});
