import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import type { CompiledRules, Facts, History, SignalRecord } from './types';
import { validateRules } from './validate-rules';

const NOW = 1_700_000_000_000;
const help = { type: 'help', title: 'Need a hand?', body: 'Here is how plans differ.', links: [{ label: 'FAQ', href: '/faq' }] };
const e2eRule = {
  id: 'pricing-help',
  when: { all: [{ signal: 'rage_click', target: 'pricing*', atLeast: 1, within: '60s' }] },
  show: help,
  because: 'You seem stuck on pricing.',
};

const compile = (rules: unknown[], over: Record<string, unknown> = {}): CompiledRules => {
  const result = validateRules({ version: 1, rules, ...over });
  expect(result.errors).toEqual([]);
  return result.rules as CompiledRules;
};
const signal = (over: Partial<SignalRecord> = {}): SignalRecord => ({
  type: 'rage_click',
  target: 'pricing/plan-pro',
  count: 4,
  at: NOW - 5_000,
  ...over,
});
const facts = (over: Partial<Facts> = {}): Facts => ({
  page: { path: '/pricing' },
  signals: [signal()],
  visitor: { returning: false, visits: 1, firstSeen: NOW - 60_000 },
  ...over,
});
const none: History = { shown: [], dismissed: [] };

describe('evaluate: views conditions', () => {
  const rule = { id: 'comparing', when: { views: '/pricing*', atLeast: 2, within: '30m' }, show: help };
  const view = (path: string, ago: number) => ({ path, at: NOW - ago });

  it('passes on the second view of a matching page within the window, tracing the count observed', () => {
    const { decision } = evaluate(
      compile([rule]),
      facts({ views: [view('/pricing', 600_000), view('/features', 300_000), view('/pricing/teams', 0)] }),
      none,
      NOW,
    );
    expect(decision?.ruleId).toBe('comparing');
    expect(decision?.trace).toEqual([
      { path: '$.rules[0].when', condition: 'views of /pricing* ≥ 2 within 30m', observed: 2, passed: true },
    ]);
    expect(decision?.reasons).toEqual([{ kind: 'views', pattern: '/pricing*', count: 2, path: '$.rules[0].when' }]);
  });

  it('fails on one matching view, or when the earlier view is outside the window, tracing what it counted', () => {
    const once = evaluate(compile([rule]), facts({ views: [view('/features', 300_000), view('/pricing', 0)] }), none, NOW, {
      traceAll: true,
    });
    expect(once.decision).toBeNull();
    expect(once.considered?.[0]?.trace).toEqual([
      { path: '$.rules[0].when', condition: 'views of /pricing* ≥ 2 within 30m', observed: 1, passed: false },
    ]);
    const stale = evaluate(compile([rule]), facts({ views: [view('/pricing', 1_800_001), view('/pricing', 0)] }), none, NOW);
    expect(stale.decision).toBeNull();
  });
});

describe('evaluate: the e2e rule', () => {
  it('decides on a rage click on a pricing target within the window', () => {
    const { decision, shadow, blocked } = evaluate(compile([e2eRule]), facts(), none, NOW);
    expect(decision).toMatchObject({ ruleId: 'pricing-help', shadow: false, because: 'You seem stuck on pricing.' });
    expect(decision?.action).toEqual({ type: 'help', title: help.title, body: help.body, links: help.links });
    expect(decision?.evidence).toEqual([{ signal: 'rage_click', target: 'pricing/plan-pro', count: 4, occurrences: 1 }]);
    expect(shadow).toEqual([]);
    expect(blocked).toEqual([]);
  });

  it('traces each condition with its JSON path, summary, observed value and outcome', () => {
    const { decision } = evaluate(compile([e2eRule]), facts(), none, NOW);
    expect(decision?.trace).toEqual([
      { path: '$.rules[0].when', condition: 'all of 1', observed: '1 of 1 passed', passed: true },
      { path: '$.rules[0].when.all[0]', condition: 'rage_click on pricing* ≥ 1 within 60s', observed: 1, passed: true },
    ]);
  });

  it('ignores signals outside the window, on other targets, of other types or from the future', () => {
    const compiled = compile([e2eRule]);
    for (const s of [signal({ at: NOW - 60_001 }), signal({ target: 'signup' }), signal({ type: 'dead_click' }), signal({ at: NOW + 1 })]) {
      expect(evaluate(compiled, facts({ signals: [s] }), none, NOW).decision).toBeNull();
    }
    expect(evaluate(compiled, facts({ signals: [signal({ at: NOW - 60_000 })] }), none, NOW).decision).not.toBeNull();
  });

  it('is deterministic: the same input gives the same output', () => {
    const compiled = compile([e2eRule]);
    expect(evaluate(compiled, facts(), none, NOW)).toEqual(evaluate(compiled, facts(), none, NOW));
  });
});

describe('evaluate: conditions', () => {
  const when = (condition: unknown, f: Facts = facts()) =>
    evaluate(compile([{ id: 'r', when: condition, show: help }]), f, none, NOW).decision !== null;

  it('counts atLeast over matching signals', () => {
    const two = facts({ signals: [signal({ at: NOW - 3000 }), signal({ at: NOW - 2000 })] });
    expect(when({ signal: 'rage_click', atLeast: 2 }, two)).toBe(true);
    expect(when({ signal: 'rage_click', atLeast: 3 }, two)).toBe(false);
  });

  it('matches page globs on the path', () => {
    expect(when({ page: '/pricing*' }, facts({ page: { path: '/pricing/enterprise' } }))).toBe(true);
    expect(when({ page: '/pricing*' }, facts({ page: { path: '/blog/pricing' } }))).toBe(false);
  });

  it('combines all, any, none and not', () => {
    const yes = { page: '/pricing' };
    const no = { page: '/nope' };
    expect(when({ all: [yes, yes] })).toBe(true);
    expect(when({ all: [yes, no] })).toBe(false);
    expect(when({ any: [no, yes] })).toBe(true);
    expect(when({ any: [no, no] })).toBe(false);
    expect(when({ none: [no, no] })).toBe(true);
    expect(when({ none: [no, yes] })).toBe(false);
    expect(when({ not: no })).toBe(true);
    expect(when({ not: yes })).toBe(false);
  });

  it('takes evidence only from signal conditions that passed outside not and none', () => {
    const compiled = compile([
      {
        id: 'r',
        when: {
          all: [{ signal: 'rage_click' }, { none: [{ signal: 'dead_click' }] }, { any: [{ signal: 'hesitation' }, { page: '/pricing' }] }],
        },
        show: help,
      },
    ]);
    const f = facts({ signals: [signal(), signal({ type: 'hesitation', target: 'faq', at: NOW - 1, count: 9 })] });
    expect(evaluate(compiled, f, none, NOW).decision?.evidence.map((e) => e.signal)).toEqual(['rage_click', 'hesitation']);
  });
});

describe('evaluate: status, priority and guardrails', () => {
  it('returns the highest-priority matching rule', () => {
    const compiled = compile([
      { id: 'low', when: { page: '/pricing' }, show: help },
      { id: 'high', priority: 10, when: { page: '/pricing' }, show: help },
    ]);
    const result = evaluate(compiled, facts(), none, NOW);
    expect(result.decision?.ruleId).toBe('high');
    expect(result.considered?.find((c) => c.ruleId === 'low')?.blocked).toBe('outranked');
  });

  it('sends shadow rules to shadow and never to decision', () => {
    const compiled = compile([{ ...e2eRule, status: 'shadow', priority: 10 }]);
    const result = evaluate(compiled, facts(), none, NOW);
    expect(result.decision).toBeNull();
    expect(result.shadow.map((d) => [d.ruleId, d.shadow])).toEqual([['pricing-help', true]]);
  });

  it('skips off rules', () => {
    expect(evaluate(compile([{ ...e2eRule, status: 'off' }]), facts(), none, NOW)).toMatchObject({
      decision: null,
      shadow: [],
      blocked: [],
    });
  });

  it('blocks everything, shadow rules too, when the kill switch is off', () => {
    const compiled = compile([e2eRule, { ...e2eRule, id: 'shadowed', status: 'shadow' }], { enabled: false });
    const result = evaluate(compiled, facts(), none, NOW);
    expect(result.decision).toBeNull();
    expect(result.shadow).toEqual([]);
    expect(result.blocked.map((b) => b.reason)).toEqual(['kill_switch', 'kill_switch']);
  });

  it('does not show a rule again after the visitor dismissed it in the session', () => {
    const history: History = {
      shown: [{ ruleId: 'pricing-help', at: NOW - 600_000 }],
      dismissed: [{ ruleId: 'pricing-help', at: NOW - 590_000, kind: 'dismiss' }],
    };
    const result = evaluate(compile([e2eRule]), facts(), history, NOW);
    expect(result.decision).toBeNull();
    expect(result.blocked).toEqual([{ ruleId: 'pricing-help', reason: 'dismissed' }]);
  });

  it('blocks forever after "never" and for the snooze period after "not now"', () => {
    const compiled = compile([e2eRule]);
    const never: History = {
      shown: [],
      dismissed: [{ ruleId: 'pricing-help', at: NOW - 400 * 86_400_000, kind: 'never' }],
      sessionStart: NOW - 1000,
    };
    expect(evaluate(compiled, facts(), never, NOW).blocked[0]?.reason).toBe('never');
    const snooze = (ago: number): History => ({
      shown: [],
      dismissed: [{ ruleId: 'pricing-help', at: NOW - ago, kind: 'snooze' }],
      sessionStart: NOW - 1000,
    });
    expect(evaluate(compiled, facts(), snooze(3_600_000), NOW).blocked[0]?.reason).toBe('snoozed');
    expect(evaluate(compiled, facts(), snooze(86_400_000), NOW).decision?.ruleId).toBe('pricing-help');
  });

  it('lets the next rule act when a higher one is blocked', () => {
    const compiled = compile([
      { ...e2eRule, priority: 5 },
      { id: 'fallback', when: { page: '/pricing' }, show: help },
    ]);
    const history: History = { shown: [], dismissed: [{ ruleId: 'pricing-help', at: NOW - 1000, kind: 'never' }] };
    const result = evaluate(compiled, facts(), history, NOW);
    expect(result.decision?.ruleId).toBe('fallback');
    expect(result.blocked).toEqual([{ ruleId: 'pricing-help', reason: 'never' }]);
  });

  it('stays quiet on checkout, payment and login pages by default', () => {
    const compiled = compile([{ id: 'r', when: { page: '/*' }, show: help }]);
    for (const path of ['/checkout', '/shop/checkout/step-2', '/payment', '/login']) {
      expect(evaluate(compiled, facts({ page: { path } }), none, NOW).blocked[0]?.reason, path).toBe('quiet_page');
    }
    expect(evaluate(compiled, facts({ page: { path: '/pricing' } }), none, NOW).decision).not.toBeNull();
  });
});

describe('evaluate: the debug view', () => {
  const compiled = () => compile([e2eRule, { id: 'elsewhere', when: { page: '/docs*' }, show: help }]);

  it('lists every rule in considered, tracing only those whose conditions passed', () => {
    const { considered } = evaluate(compiled(), facts(), none, NOW);
    expect(considered?.map((c) => [c.ruleId, c.matched, c.trace.length])).toEqual([
      ['pricing-help', true, 2],
      ['elsewhere', false, 0],
    ]);
  });

  it('traces every rule with traceAll', () => {
    const { considered } = evaluate(compiled(), facts(), none, NOW, { traceAll: true });
    expect(considered?.[1]?.trace).toEqual([
      { path: '$.rules[1].when', condition: 'page matches /docs*', observed: '/pricing', passed: false },
    ]);
  });

  it('gives the same decision with and without traceAll', () => {
    expect(evaluate(compiled(), facts(), none, NOW, { traceAll: true }).decision).toEqual(
      evaluate(compiled(), facts(), none, NOW).decision,
    );
  });
});
