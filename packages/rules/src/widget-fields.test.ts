import { describe, expect, it } from 'vitest';
import { validateRules } from './validate-rules';

const file = (show: unknown) => ({ version: 1, rules: [{ id: 'r', when: { signal: 'rage_click' }, show }] });

describe('fields the widget renders', () => {
  it('accepts a help card that offers a person, and keeps the flag', () => {
    const result = validateRules(file({ type: 'help', title: 'Stuck?', body: 'We can help.', handoff: true }));
    expect(result.errors).toEqual([]);
    expect(result.rules?.rules[0]?.show).toMatchObject({ handoff: true });
  });

  it('accepts an email question with its why-line, in a locale variant too', () => {
    const result = validateRules(
      file({
        type: 'ask',
        field: 'email',
        question: 'Where should we send the guide?',
        input: 'email',
        why: 'Only to send this guide; we will not add you to a list.',
        locales: { de: { question: 'Wohin sollen wir den Leitfaden senden?', why: 'Nur für diesen Leitfaden.' } },
      }),
    );
    expect(result.errors).toEqual([]);
    expect(result.rules?.rules[0]?.show).toMatchObject({ input: 'email', why: expect.stringContaining('Only') });
  });

  it('refuses an unknown input kind and names its path', () => {
    const result = validateRules(file({ type: 'ask', field: 'role', question: 'Your role?', input: 'slider' }));
    expect(result.errors.map((e) => e.path)).toContain('$.rules[0].show.input');
  });
});
