import { describe, expect, it } from 'vitest';
import { previewRule } from './preview-rule';
import { validateRules } from './validate-rules';

const compiled = validateRules({
  enabled: false,
  rules: [
    {
      id: 'pricing-help',
      status: 'off',
      holdout: 0.2,
      when: { signal: 'rage_click', atLeast: 99 },
      show: {
        type: 'help',
        title: 'Comparing plans?',
        body: 'All plans include projects.',
        locales: { de: { title: 'Sie vergleichen Tarife?' } },
      },
    },
  ],
}).rules!;

describe('previewRule', () => {
  it('returns the rule content marked as a preview regardless of conditions, status and kill switch', () => {
    expect(previewRule(compiled, 'pricing-help')).toMatchObject({
      ruleId: 'pricing-help',
      preview: true,
      shadow: false,
      action: { type: 'help', title: 'Comparing plans?', body: 'All plans include projects.' },
      evidence: [],
      trace: [],
    });
  });

  it('localizes the content and carries no holdout arm', () => {
    const decision = previewRule(compiled, 'pricing-help', 'de-CH');
    expect(decision?.action).toMatchObject({ title: 'Sie vergleichen Tarife?' });
    expect(decision).not.toHaveProperty('holdout');
  });

  it('returns null for an unknown rule id', () => {
    expect(previewRule(compiled, 'nope')).toBeNull();
  });
});
