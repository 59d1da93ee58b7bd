import { describe, expect, it } from 'vitest';
import { globCost, globMatch } from './glob-match';

const steps = (pattern: string, text: string): number => {
  const budget = { left: 1e9 };
  globMatch(pattern, text, budget);
  return 1e9 - budget.left;
};

describe('globMatch', { timeout: 60_000 }, () => {
  it('matches literal text exactly', () => {
    expect(globMatch('pricing', 'pricing')).toBe(true);
    expect(globMatch('pricing', 'pricing/plan-pro')).toBe(false);
    expect(globMatch('#signup-email', '#signup-email')).toBe(true);
  });

  it('lets * span any characters, slashes included', () => {
    expect(globMatch('pricing*', 'pricing')).toBe(true);
    expect(globMatch('pricing*', 'pricing/plan-pro')).toBe(true);
    expect(globMatch('/pricing*', '/pricing/enterprise')).toBe(true);
    expect(globMatch('*/checkout*', '/shop/checkout/step-2')).toBe(true);
    expect(globMatch('*plan-*', 'pricing/plan-pro')).toBe(true);
    expect(globMatch('/pricing*', '/about/pricing')).toBe(false);
  });

  it('lets ? stand for exactly one character', () => {
    expect(globMatch('/step-?', '/step-2')).toBe(true);
    expect(globMatch('/step-?', '/step-')).toBe(false);
    expect(globMatch('/step-?', '/step-22')).toBe(false);
  });

  it('treats regex metacharacters as literal', () => {
    expect(globMatch('form#lead > button', 'form#lead > button')).toBe(true);
    expect(globMatch('a.b', 'axb')).toBe(false);
    expect(globMatch('(a+)+', '(a+)+')).toBe(true);
  });

  it('answers like the obvious (backtracking) definition on 20,000 random small globs and texts', () => {
    let seed = 99;
    const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
    const reference = (p: string, t: string): boolean =>
      new RegExp(
        `^${p
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '[^]*')
          .replace(/\?/g, '[^]')}$`,
      ).test(t);
    let matched = 0;
    for (let i = 0; i < 20_000; i++) {
      const p = Array.from({ length: Math.floor(rand() * 7) }, () => 'ab*?/'[Math.floor(rand() * 5)]).join('');
      const t = Array.from({ length: Math.floor(rand() * 9) }, () => 'ab/'[Math.floor(rand() * 3)]).join('');
      const expected = reference(p, t);
      if (expected) matched++;
      expect(globMatch(p, t), `${p} on ${t}`).toBe(expected);
    }
    expect(matched).toBeGreaterThan(2000);
  });

  it('takes steps linear in the text for star-heavy patterns, within globCost', () => {
    for (const pattern of ['*a*a*a*a*a*a*a*a*a*a*b', `*${'?'.repeat(40)}*b`, `/*${'a*'.repeat(200)}c`]) {
      const text = 'a'.repeat(20_000);
      expect(globMatch(pattern, text)).toBe(false);
      const full = steps(pattern, text);
      expect(full, pattern).toBeLessThanOrEqual(globCost(pattern, text.length));
      expect(full / steps(pattern, text.slice(0, 10_000)), pattern).toBeLessThan(2.1);
    }
  });

  it('does not run, and spends the budget, when the worst case would not fit', () => {
    const budget = { left: 50 };
    expect(globMatch('*a*b', 'a'.repeat(100), budget)).toBe(false);
    expect(budget.left).toBeLessThan(0);
  });
});
