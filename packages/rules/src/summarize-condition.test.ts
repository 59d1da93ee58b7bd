import { describe, expect, it } from 'vitest';
import { summarizeCondition } from './summarize-condition';
import type { Condition } from './types';

describe('summarizeCondition', () => {
  it('summarizes signal, page and intent conditions', () => {
    expect(summarizeCondition({ signal: 'rage_click', target: 'pricing*', atLeast: 2, within: '60s' })).toBe(
      'rage_click on pricing* ≥ 2 within 60s',
    );
    expect(summarizeCondition({ signal: 'exit_intent' })).toBe('exit_intent ≥ 1');
    expect(summarizeCondition({ page: '/pricing*' })).toBe('page matches /pricing*');
    expect(summarizeCondition({ intent: 'comparing' })).toBe('intent comparing');
  });

  it('summarizes views conditions with the default count and an optional window', () => {
    expect(summarizeCondition({ views: '/pricing*', atLeast: 2, within: '30m' })).toBe('views of /pricing* ≥ 2 within 30m');
    expect(summarizeCondition({ views: '/pricing*' })).toBe('views of /pricing* ≥ 1');
  });

  it('summarizes every fact operator', () => {
    const cases: [Condition, string][] = [
      [{ fact: 'visitor.visits', gte: 3 }, 'visitor.visits ≥ 3'],
      [{ fact: 'dwell', gt: '30s' }, 'dwell > "30s"'],
      [{ fact: 'stage', ne: 'customer' }, 'stage ≠ "customer"'],
      [{ fact: 'stage', in: ['trial', 'prospect'] }, 'stage in ["trial", "prospect"]'],
      [{ fact: 'stage', nin: ['customer'] }, 'stage not in ["customer"]'],
      [{ fact: 'visitor.visits', between: [2, 5] }, 'visitor.visits between 2 and 5'],
      [{ fact: 'profile.role', exists: false }, 'profile.role is unknown'],
      [{ fact: 'page.path', startsWith: '/docs' }, 'page.path starts with "/docs"'],
      [{ fact: 'page.path', regex: '^/blog' }, 'page.path matches /^/blog/'],
      [{ fact: 'intents', contains: 'comparing' }, 'intents contains "comparing"'],
      [{ fact: 'page.path', glob: '/a/*' }, 'page.path glob "/a/*"'],
    ];
    for (const [condition, text] of cases) expect(summarizeCondition(condition)).toBe(text);
  });

  it('summarizes logic by its size', () => {
    expect(summarizeCondition({ all: [{ page: '/a' }, { page: '/b' }] })).toBe('all of 2');
    expect(summarizeCondition({ any: [{ page: '/a' }] })).toBe('any of 1');
    expect(summarizeCondition({ none: [{ page: '/a' }] })).toBe('none of 1');
    expect(summarizeCondition({ not: { page: '/a' } })).toBe('not');
  });
});
