import { describe, expect, it } from 'vitest';
import type { Decision } from '@attune/rules';
import { fillHandoffLink, handoffRecord } from './handoff';

const decision = (action: Decision['action']): Decision => ({
  ruleId: 'talk-to-us',
  shadow: false,
  action,
  evidence: [
    { signal: 'form_error', target: '#email', count: 3 },
    { signal: 'rage_click', target: 'signup/submit', count: 4 },
  ],
  trace: [],
});

describe('handoffRecord', () => {
  it('carries the intent, page, evidence, failing fields and what was tried, but no answer values', () => {
    const record = handoffRecord(
      decision({ type: 'help', title: 'Stuck?', body: 'We can help.' }),
      '/signup',
      {
        shown: [
          { ruleId: 'email-help', at: 1 },
          { ruleId: 'shadow-rule', at: 2, shadow: true },
        ],
        dismissed: [],
      },
      { role: 'developer', note: 'Canary typed text' },
      ['email'],
    );
    expect(record).toMatchObject({
      rule: 'talk-to-us',
      intent: 'fixing_form_errors',
      page: '/signup',
      failingFields: ['email'],
      helpShown: [{ rule: 'email-help', outcome: 'shown' }],
      questionsAnswered: ['role', 'note'],
      tried: { shown: ['email-help'], answered: ['role', 'note'] },
      reason: 'visitor_asked',
    });
    expect(record.summary).toContain('Failing fields: email');
    expect(JSON.stringify(record)).not.toContain('developer');
    expect(JSON.stringify(record)).not.toContain('Canary');
  });

  it("fills the handoff rule's URL template with the page, intent and rule", () => {
    const record = handoffRecord(
      decision({
        type: 'handoff',
        title: 'Talk to us',
        body: 'A person will help.',
        channel: 'link',
        href: 'https://help.example/new?page={page}&topic={intent}&rule={rule}',
      }),
      '/signup',
      { shown: [], dismissed: [] },
      {},
    );
    expect(record.href).toBe('https://help.example/new?page=%2Fsignup&topic=fixing_form_errors&rule=talk-to-us');
  });
});

describe('fillHandoffLink', () => {
  const record = handoffRecord(decision({ type: 'help', title: 't', body: 'b' }), '/signup', { shown: [], dismissed: [] }, {});

  it('gives a mailto: link without a body the summary as its body', () => {
    const href = fillHandoffLink('mailto:support@example.com?subject=Help%20with%20{page}', record)!;
    expect(href.startsWith('mailto:support@example.com?subject=Help%20with%20%2Fsignup&body=')).toBe(true);
    expect(decodeURIComponent(href.split('body=')[1]!)).toBe(record.summary);
  });

  it('never lets a filled value form the scheme: a rule id `javascript` in `{rule}:…` gives no link', () => {
    const hostile = handoffRecord(
      {
        ...decision({ type: 'handoff', title: 't', body: 'b', channel: 'link', href: '{rule}:alert(document.domain)' }),
        ruleId: 'javascript',
      },
      '/signup',
      { shown: [], dismissed: [] },
      {},
    );
    expect(fillHandoffLink('{rule}:alert(document.domain)', hostile)).toBeUndefined();
    expect(fillHandoffLink('java{rule}:alert(1)', { ...hostile, rule: 'script' })).toBeUndefined();
    expect(hostile.href).toBeUndefined();
    // The same value in a safe place is only text.
    expect(fillHandoffLink('/help?from={rule}', hostile)).toBe('/help?from=javascript');
  });

  it('keeps a mailto: link whose filled body runs past 2,048 characters', () => {
    const long = { ...record, summary: 'x'.repeat(3000) };
    expect(fillHandoffLink('mailto:a@example.com', long)?.length).toBeGreaterThan(3000);
  });

  it('refuses a link whose scheme a filled value would choose', () => {
    expect(fillHandoffLink('{rule}:x', { ...record, rule: 'javascript' })).toBeUndefined();
  });

  it('fills {next} with the recommended next action', () => {
    expect(fillHandoffLink('/contact?next={next}', record)).toBe(`/contact?next=${encodeURIComponent(record.nextAction)}`);
  });

  it('leaves a mailto: link that has its own body alone', () => {
    expect(fillHandoffLink('mailto:a@example.com?body=Hi', record)).toBe('mailto:a@example.com?body=Hi');
  });
});
