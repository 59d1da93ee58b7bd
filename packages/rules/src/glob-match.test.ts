import { describe, expect, it } from 'vitest';
import { globMatch } from './glob-match';

describe('globMatch', () => {
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

});
