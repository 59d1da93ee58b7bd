import { describe, expect, it } from 'vitest';
import { didYouMean, suggest } from './did-you-mean';

const SIGNALS = ['rage_click', 'dead_click', 'error_click', 'form_error', 'hesitation'];

describe('didYouMean', () => {
  it('suggests the closest name for a typo', () => {
    expect(didYouMean('rage_clik', SIGNALS)).toBe('rage_click');
    expect(didYouMean('rageclick', SIGNALS)).toBe('rage_click');
    expect(didYouMean('Rage-Click', SIGNALS)).toBe('rage_click');
    expect(didYouMean('hesitate', SIGNALS)).toBe('hesitation');
  });

  it('suggests nothing when no name is close', () => {
    expect(didYouMean('scroll', SIGNALS)).toBeNull();
    expect(didYouMean('x'.repeat(100), SIGNALS)).toBeNull();
    expect(didYouMean('rage', [])).toBeNull();
  });
});

describe('suggest', () => {
  it('phrases the suggestion as a question, or returns an empty string', () => {
    expect(suggest('rage_clik', SIGNALS)).toBe(' Did you mean `rage_click`?');
    expect(suggest('zzz', SIGNALS)).toBe('');
  });
});
