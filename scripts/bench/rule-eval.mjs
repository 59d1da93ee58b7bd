// Rule evaluation time: 10, 100 and 1,000 rules of realistic shape (signal counts with target
// globs and windows, page globs, facts, intents, nested all/any/not, caps, shadow and holdout
// rules) against one facts snapshot of a busy page view, in Node, on the built @attune/rules.
import { evaluate, validateRules } from '../../packages/rules/dist/index.js';
import { median } from './median.mjs';

// The validator refuses files of more than this many rules (MAX_RULES in validate-rules.ts).
const FILE_LIMIT = 500;

const SIGNALS = [
  'rage_click',
  'dead_click',
  'error_click',
  'form_error',
  'form_abandon',
  'hesitation',
  'exit_intent',
  'back_forth',
  'scroll_thrash',
  'slow_interaction',
];
const TARGETS = ['pricing*', 'plan-*', 'nav/*', 'lead-form*', 'checkout/*', '#signup', 'faq*'];
const PAGES = ['/pricing*', '/features/*', '/', '/blog/*', '/docs/**', '/signup'];

/** One rule of the i-th shape; every shape is valid so each one is evaluated. */
const makeRule = (i) => {
  const signal = SIGNALS[i % SIGNALS.length];
  const target = TARGETS[i % TARGETS.length];
  const page = PAGES[i % PAGES.length];
  const shapes = [
    { signal, target, atLeast: 2, within: '2m' },
    { all: [{ signal, within: '60s' }, { page }] },
    {
      all: [
        { signal, target, atLeast: 1 },
        { fact: 'visitor.visits', gte: 2 },
        { fact: 'device', in: ['desktop', 'tablet'] },
      ],
    },
    { any: [{ signal, target, atLeast: 3, within: '5m' }, { all: [{ fact: 'dwell', gt: '45s' }, { page }] }] },
    { all: [{ intent: 'comparing' }, { fact: 'stage', in: ['prospect', 'trial'] }, { not: { fact: 'consent.profiling', eq: 'denied' } }] },
    {
      all: [
        { fact: 'page.utm.utm_source', in: ['newsletter', 'partner'] },
        { signal, atLeast: 1, within: '10m' },
      ],
    },
    {
      all: [
        { fact: 'form.state', eq: 'errors' },
        { fact: 'form.errors', gte: 2 },
        { signal: 'form_error', target: 'lead-form*', atLeast: 2 },
      ],
    },
  ];
  const rule = {
    id: `rule-${i}`,
    priority: i % 5,
    when: shapes[i % shapes.length],
    show:
      i % 4 === 3
        ? {
            type: 'ask',
            field: `field_${i}`,
            question: 'What brings you here today?',
            options: [
              { value: 'a', label: 'Comparing' },
              { value: 'b', label: 'Buying' },
            ],
          }
        : {
            type: 'help',
            title: `Need a hand? (${i})`,
            body: 'Most teams pick Team: it adds bank reconciliation.',
            links: [{ label: 'Compare plans', href: '#faq' }],
          },
    because: 'You seemed stuck here.',
  };
  if (i % 6 === 1) rule.status = 'shadow';
  if (i % 7 === 2) rule.holdout = 0.1;
  if (i % 3 === 0) rule.caps = { perSession: 1, perWeek: 3 };
  return rule;
};

export const rulesFile = (n) => ({
  version: 1,
  intents: {
    comparing: {
      when: {
        any: [
          { signal: 'back_forth', atLeast: 2, within: '5m' },
          { signal: 'hesitation', target: 'pricing*', within: '2m' },
        ],
      },
    },
  },
  rules: Array.from({ length: n }, (_, i) => makeRule(i)),
});

/** A busy page view: 30 recent signals, returning visitor, campaign traffic, a form with errors. */
export const factsSnapshot = (now) => ({
  page: { path: '/pricing', referrer: 'email', utm: { utm_source: 'newsletter', utm_campaign: 'spring-2026' } },
  signals: Array.from({ length: 30 }, (_, i) => ({
    type: SIGNALS[i % SIGNALS.length],
    target: ['pricing/plan-team', 'nav/features', 'lead-form/email', '#signup', 'main > section:nth-of-type(2) > p'][i % 5],
    count: 1 + (i % 4),
    at: now - (30 - i) * 4000,
    path: '/pricing',
  })),
  visitor: { returning: true, visits: 3, firstSeen: now - 9 * 86_400_000, id: '0192f0c3-7a1e-7c1e-9a2b-3c4d5e6f7a8b' },
  dwell: 62_000,
  idle: 4000,
  stage: 'prospect',
  device: 'desktop',
  locale: 'en',
  consent: { measurement: 'granted', help: 'granted', profiling: 'pending' },
  profile: {},
  intents: [],
  form: { state: 'errors', errors: 2 },
});

const history = (now) => ({
  shown: [{ ruleId: 'rule-5', at: now - 3 * 86_400_000, type: 'help' }],
  dismissed: [{ ruleId: 'rule-5', at: now - 3 * 86_400_000 + 8000, kind: 'dismiss' }],
  sessionStart: now - 120_000,
});

/** Times validation once and evaluation in batches for about `budgetMs`; medians per evaluation in µs. */
export const benchRuleEvaluation = ({ sizes = [10, 100, 1000], budgetMs = 1500 } = {}) => {
  const now = Date.UTC(2026, 10, 22, 12);
  const facts = factsSnapshot(now);
  const ledger = history(now);
  return sizes.map((n) => {
    // Above the validator's per-file limit, the rules come as several validated files merged in
    // priority order: what a site would have to do, and the evaluator's cost all the same.
    const t0 = performance.now();
    const parts = [];
    for (let from = 0; from < n; from += FILE_LIMIT) {
      const file = rulesFile(n);
      file.rules = file.rules.slice(from, from + FILE_LIMIT);
      const result = validateRules(file);
      if (!result.ok || result.rules.rules.length !== file.rules.length) {
        throw new Error(
          `bench rules of size ${n} did not validate: ${result.errors
            .slice(0, 3)
            .map((e) => `${e.path}: ${e.message}`)
            .join('; ')}`,
        );
      }
      parts.push({ compiled: result.rules, offset: from });
    }
    const validateMs = performance.now() - t0;
    const merged = parts
      .flatMap(({ compiled, offset }) => compiled.rules.map((rule, i) => ({ rule, index: compiled.sourceIndex[i] + offset })))
      .sort((a, b) => (b.rule.priority ?? 0) - (a.rule.priority ?? 0));
    const compiled = {
      ...parts[0].compiled,
      rules: merged.map((m) => m.rule),
      sourceIndex: merged.map((m) => m.index),
      regexes: new Map(parts.flatMap((p) => [...p.compiled.regexes])),
    };
    // Warm up the JIT, then time batches of about 0.1 s. CPU time (process.cpuUsage) is the
    // headline figure: on a shared machine, wall time also counts the time others had the core.
    let last;
    for (let i = 0; i < 50; i++) last = evaluate(compiled, facts, ledger, now);
    const batch = Math.max(1, Math.round(20_000 / n));
    const cpu = [];
    const wall = [];
    const until = performance.now() + budgetMs;
    while (performance.now() < until || cpu.length < 5) {
      const c0 = process.cpuUsage();
      const w0 = performance.now();
      for (let i = 0; i < batch; i++) last = evaluate(compiled, facts, ledger, now);
      wall.push(((performance.now() - w0) / batch) * 1000);
      const used = process.cpuUsage(c0);
      cpu.push((used.user + used.system) / batch);
    }
    const matched = (last.considered ?? []).filter((o) => o.matched).length;
    return {
      rules: n,
      files: parts.length,
      validateMs: +validateMs.toFixed(2),
      cpuUs: +median(cpu).toFixed(1),
      wallUs: +median(wall).toFixed(1),
      batches: cpu.length,
      perBatch: batch,
      matched,
      decision: last.decision?.ruleId ?? null,
    };
  });
};
