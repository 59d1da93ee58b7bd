// Prints how long `evaluate` takes for 10, 100 and 1,000 rules against a realistic facts
// snapshot. Run after the build: `node packages/rules/bench/evaluate-bench.mjs`. It prints
// figures only; no test asserts wall-clock time.
import { performance } from 'node:perf_hooks';
import { evaluate, validateRules } from '../dist/index.js';

const NOW = 1_767_261_600_000;
const SIGNALS = ['rage_click', 'dead_click', 'form_error', 'hesitation', 'exit_intent', 'back_forth'];
const TARGETS = ['pricing/plan-pro', 'pricing/plan-team', '#signup-email', 'nav/docs', 'form#lead > button'];

/** A rule like the recipes: nested conditions over signals, the page and a few facts. */
function makeRule(i) {
  return {
    id: `rule-${i}`,
    priority: i % 7,
    status: i % 10 === 0 ? 'shadow' : 'live',
    when: {
      all: [
        {
          signal: SIGNALS[i % SIGNALS.length],
          target: `${TARGETS[i % TARGETS.length].split('/')[0]}*`,
          atLeast: 1 + (i % 3),
          within: '2m',
        },
        { any: [{ page: '/pricing*' }, { page: '/signup*' }, { fact: 'page.referrer', in: ['search', 'paid'] }] },
        { none: [{ fact: 'stage', eq: 'customer' }] },
        { fact: 'visitor.visits', gte: i % 4 },
      ],
    },
    show: { type: 'help', title: `Help ${i}`, body: 'Every plan includes unlimited projects.' },
  };
}

const facts = {
  page: { path: '/pricing', referrer: 'search', utm: { utm_source: 'newsletter' } },
  signals: Array.from({ length: 60 }, (_, i) => ({
    type: SIGNALS[i % SIGNALS.length],
    target: TARGETS[i % TARGETS.length],
    count: 1 + (i % 5),
    at: NOW - i * 4000,
  })),
  visitor: { id: 'v-1', returning: true, visits: 3, firstSeen: NOW - 9 * 86_400_000 },
  dwell: 45_000,
  idle: 3000,
  stage: 'trial',
  device: 'desktop',
  locale: 'en-GB',
};
const history = {
  shown: [{ ruleId: 'rule-3', at: NOW - 3_600_000 }],
  dismissed: [{ ruleId: 'rule-5', at: NOW - 86_400_000, kind: 'dismiss' }],
  sessionStart: NOW - 600_000,
};

for (const count of [10, 100, 1000]) {
  const { rules, errors } = validateRules({ version: 1, rules: Array.from({ length: count }, (_, i) => makeRule(i)) });
  if (!rules || errors.length > 0) throw new Error(`bench rules did not validate: ${errors[0]?.message}`);
  const iterations = Math.max(50, Math.round(20_000 / count));
  for (let i = 0; i < 20; i++) evaluate(rules, facts, history, NOW);
  const started = performance.now();
  for (let i = 0; i < iterations; i++) evaluate(rules, facts, history, NOW + i);
  const perCall = (performance.now() - started) / iterations;
  console.log(`evaluate  ${String(count).padStart(5)} rules  ${perCall.toFixed(3).padStart(9)} ms per call  (${iterations} calls)`);
}
