import { describe, expect, it } from 'vitest';
import { evaluate, INPUT_LIMITS, validateRules, type Facts } from '@attune/rules';

const NOW = 1_000_000_000;
const show = { type: 'help', title: 'Need a hand?', body: 'Here is how the plans differ.' };
const compile = (rules: unknown[]) => {
  const result = validateRules({ version: 1, rules });
  expect(result.errors).toEqual([]);
  return result.rules!;
};
const history = { shown: [], dismissed: [] };

// The attacks (#16): each froze Chromium for seconds with the backtracking matchers.
describe('hostile patterns', { timeout: 60_000 }, () => {
  it('regression: (.?){40}x on the page path is accepted and decides without running out of budget', () => {
    const rules = compile([{ id: 'p', when: { fact: 'page.path', regex: '(.?){40}x' }, show }]);
    const miss = evaluate(rules, { page: { path: `/${'a'.repeat(5000)}` } }, history, NOW);
    expect([miss.decision, miss.overBudget]).toEqual([null, undefined]);
    const hit = evaluate(rules, { page: { path: `/${'a'.repeat(40)}x` } }, history, NOW);
    expect(hit.decision?.ruleId).toBe('p');
  });

  it('regression: a*a*a*a*a*b on utm_source with a crafted value is accepted and decides without running out of budget', () => {
    const rules = compile([{ id: 'u', when: { fact: 'page.utm.utm_source', regex: 'a*a*a*a*a*b' }, show }]);
    const crafted: Facts = { page: { path: '/', utm: { utm_source: 'a'.repeat(INPUT_LIMITS.stringLength) } } };
    const miss = evaluate(rules, crafted, history, NOW);
    expect([miss.decision, miss.overBudget]).toEqual([null, undefined]);
    const hit = evaluate(rules, { page: { path: '/', utm: { utm_source: 'aaaab' } } }, history, NOW);
    expect(hit.decision?.ruleId).toBe('u');
  });

  it('regression: a 44-rule glob file under the size limit evaluates every rule within its budget', () => {
    const stars = (n: number, end: string) => `*${'a*'.repeat(n)}${end}`;
    const rules = Array.from({ length: 44 }, (_, i) => ({
      id: `g${i}`,
      when: {
        any: [
          { page: stars(240, 'b') },
          { views: stars(240, 'c'), atLeast: 1 },
          { signal: 'rage_click', target: stars(95, 'd') },
          { fact: 'page.path', glob: stars(240, 'e') },
        ],
      },
      show,
    }));
    expect(JSON.stringify({ rules }).length).toBeLessThan(INPUT_LIMITS.textLength);
    const compiled = compile(rules);
    const long = `/${'a'.repeat(9_000)}`;
    const facts: Facts = {
      page: { path: long },
      views: Array.from({ length: 50 }, (_, i) => ({ path: long, at: NOW - i })),
      signals: Array.from({ length: 50 }, (_, i) => ({ type: 'rage_click' as const, target: 'a'.repeat(2000), count: 1, at: NOW - i })),
    };
    const result = evaluate(compiled, facts, history, NOW);
    expect(result.decision).toBeNull();
    expect(result.considered?.length).toBe(44);
    // Skipped rules would show here: linear matching keeps every one far inside its budget.
    expect(result.overBudget).toBeUndefined();
    // The same file still matches what it should.
    const hit = evaluate(compiled, { ...facts, page: { path: `${long}b` } }, history, NOW);
    expect(hit.decision?.ruleId).toBe('g0');
  });

  it('skips, and names once per evaluation, a rule whose conditions need more than its budget; the others still decide', () => {
    const heavy = '([a-z]{1,4}[0-9]?){30}';
    const rules = compile([
      {
        id: 'heavy',
        priority: 10,
        when: { any: Array.from({ length: 50 }, (_, i) => ({ fact: 'page.utm.utm_source', regex: `${heavy}${i}` })) },
        show,
      },
      { id: 'light', when: { page: '/pricing*' }, show },
    ]);
    const result = evaluate(rules, { page: { path: '/pricing', utm: { utm_source: 'z'.repeat(1000) } } }, history, NOW);
    expect(result.overBudget).toEqual(['heavy']);
    expect(result.considered?.find((c) => c.ruleId === 'heavy')?.matched).toBe(false);
    expect(result.decision?.ruleId).toBe('light');
    // On a short value the same rule is cheap and runs.
    expect(evaluate(rules, { page: { path: '/pricing', utm: { utm_source: 'ab1' } } }, history, NOW).overBudget).toBeUndefined();
  });

  it('stops all matching once the whole evaluation has spent its total, so no file can hold the page', () => {
    const rules = compile(
      Array.from({ length: 200 }, (_, i) => ({
        id: `r${i}`,
        when: { fact: 'page.utm.utm_source', regex: `([a-z]{1,4}[0-9]?){25}${i}` },
        show,
      })),
    );
    const result = evaluate(rules, { page: { path: '/', utm: { utm_source: 'z'.repeat(1000) } } }, history, NOW);
    // Each rule fits its own budget, so without the total all 200 would run; with it, only a few can.
    const skipped = result.overBudget?.length ?? 0;
    expect(skipped).toBeGreaterThan(150);
    expect(result.overBudget).toContain('r199');
    expect(result.overBudget).not.toContain('r0');
    expect(result.considered?.length).toBe(200);
  });

  it('refuses what cannot be bounded, naming the JSON path and the reason', () => {
    const result = validateRules({
      version: 1,
      rules: [
        { id: 'a', when: { all: [{ page: '/x' }, { fact: 'page.path', regex: '(a)\\1' }] }, show },
        { id: 'b', when: { fact: 'page.path', regex: '^(?=x)' }, show },
        { id: 'c', when: { fact: 'page.path', regex: '(a{40}){40}' }, show },
      ],
    });
    expect(result.errors.filter((e) => e.code !== 'rule_skipped').map((e) => [e.path, e.code])).toEqual([
      ['$.rules[0].when.all[1].regex', 'regex_backreference'],
      ['$.rules[1].when.regex', 'regex_lookaround'],
      ['$.rules[2].when.regex', 'regex_too_complex'],
    ]);
    expect(result.errors[0]?.message).toMatch(/backreferences/);
  });
});

describe('link templates', () => {
  it('refuses a handoff template whose placeholder would stand in the scheme, with its JSON path', () => {
    const result = validateRules({
      version: 1,
      rules: [
        {
          id: 'javascript',
          when: { page: '/*' },
          show: { type: 'handoff', title: 'Talk to us', body: 'A person will help.', channel: 'link', href: '{rule}:alert(1)' },
        },
      ],
    });
    expect(result.rules?.rules).toEqual([]);
    expect(result.errors.map((e) => [e.path, e.code])).toContainEqual(['$.rules[0].show.href', 'unsafe_href']);
  });
});
