import { describe, expect, it } from 'vitest';
import type { Decision } from '@attune/rules';
import { continuityRecord } from './continuity-record';

const decision: Decision = {
  ruleId: 'talk-to-us',
  shadow: false,
  action: { type: 'handoff', title: 'Stuck?', body: 'A person can help.', channel: 'crisp' },
  evidence: [{ signal: 'form_error', target: 'checkout', count: 3, occurrences: 3 }],
  trace: [],
};

describe('continuityRecord', () => {
  it('carries intent, page, evidence, failing fields, help shown with its outcome, answered question names and the next action', () => {
    const record = continuityRecord({
      decision,
      page: '/checkout',
      history: {
        shown: [
          { ruleId: 'vat-tip', at: 1 },
          { ruleId: 'shadow-rule', at: 2, shadow: true },
          { ruleId: 'pay-tip', at: 3 },
          { ruleId: 'talk-to-us', at: 4 },
        ],
        dismissed: [{ ruleId: 'pay-tip', at: 5, kind: 'dismiss' }],
      },
      profile: { role: 'developer', company_size: 'canary-4711' },
      channel: 'crisp',
      fields: ['vat_number'],
      outcomes: { 'vat-tip': 'helpful_no' },
    });
    expect(record).toMatchObject({
      rule: 'talk-to-us',
      channel: 'crisp',
      intent: 'fixing_form_errors',
      page: '/checkout',
      evidence: [{ signal: 'form_error', target: 'checkout', count: 3 }],
      failingFields: ['vat_number'],
      helpShown: [
        { rule: 'vat-tip', outcome: 'helpful_no' },
        { rule: 'pay-tip', outcome: 'dismissed' },
      ],
      questionsAnswered: ['role', 'company_size'],
      reason: 'visitor_asked',
      nextAction: 'Confirm the VAT number format with the visitor: country prefix, then the digits, no spaces.',
    });
    expect(JSON.stringify(record)).not.toContain('canary-4711');
    expect(JSON.stringify(record)).not.toContain('developer');
  });

  it('takes the rule’s own next action over the table', () => {
    expect(
      continuityRecord({
        decision,
        page: '/',
        history: { shown: [], dismissed: [] },
        profile: {},
        channel: 'crisp',
        next: 'Call back within the hour',
        fields: [],
      }).nextAction,
    ).toBe('Call back within the hour');
  });
});
