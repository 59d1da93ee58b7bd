import { describe, expect, it } from 'vitest';
import { formatIssueMessage, ISSUE_MESSAGES, type IssueCode } from './issue-messages';

describe('ISSUE_MESSAGES', () => {
  it('gives every code a sentence that ends in punctuation and never prints undefined when given its parameters', () => {
    const params = {
      key: 'k',
      max: 1,
      min: 0,
      count: 2,
      id: '`x`',
      value: 'v',
      values: 'a, b',
      name: 'n',
      near: 'm',
      known: 'a',
      where: 'w',
      length: 3,
      kinds: 'a, b',
      allowed: 'a, b',
      found: 'a, b',
      op: 'eq',
      fact: 'f',
      low: '1',
      high: '0',
      types: 'a',
      channel: 'email',
      tag: 't',
      page: '/p',
      defaults: 'd',
      shown: 3,
    };
    for (const code of Object.keys(ISSUE_MESSAGES) as IssueCode[]) {
      const text = formatIssueMessage(code, params);
      expect(text, code).toMatch(/[.?]$/);
      expect(text, code).not.toContain('undefined');
    }
  });

  it('adds a suggestion only when there is one', () => {
    expect(formatIssueMessage('unknown_fact', { name: 'visits', near: 'visitor.visits' })).toBe(
      'unknown fact `visits`. Did you mean `visitor.visits`?',
    );
    expect(formatIssueMessage('unknown_fact', { name: 'zzz', near: '' })).toBe('unknown fact `zzz`.');
  });
});
