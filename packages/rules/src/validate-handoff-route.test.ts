import { describe, expect, it } from 'vitest';
import { validateRules } from './validate-rules';

const file = (show: Record<string, unknown>) => ({ rules: [{ id: 'r', when: { page: '/checkout' }, show }] });
const handoff = (extra: Record<string, unknown>) => file({ type: 'handoff', title: 'Stuck?', body: 'A person can help.', ...extra });

describe('handoff routes in the rules file', () => {
  it('accepts each chat adapter with a fallback, and keeps the route on the compiled action', () => {
    for (const channel of ['intercom', 'zendesk', 'hubspot', 'crisp', 'tawk', 'freshchat', 'callback']) {
      const result = validateRules(
        handoff({ channel, fallback: { href: 'mailto:help@example.com', label: 'Email us' }, next: 'Call them back' }),
      );
      expect([channel, result.errors, result.warnings]).toEqual([channel, [], []]);
      expect(result.rules!.rules[0]!.show).toMatchObject({
        channel,
        fallback: { href: 'mailto:help@example.com', label: 'Email us' },
        next: 'Call them back',
      });
    }
  });

  it('warns, at the channel, when a chat or callback handoff has no fallback, but not for a link channel', () => {
    const chat = validateRules(handoff({ channel: 'crisp' }));
    expect(chat.errors).toEqual([]);
    expect(chat.warnings).toEqual([
      expect.objectContaining({ path: '$.rules[0].show.channel', code: 'handoff_without_fallback', severity: 'warning' }),
    ]);
    expect(chat.warnings[0]!.message).toMatch(/chat widget is missing from the page/);
    expect(validateRules(handoff({ channel: 'callback' })).warnings[0]!.message).toMatch(/no handoff callback is registered/);
    expect(validateRules(handoff({ channel: 'url', href: 'https://help.example/new?page={page}' })).warnings).toEqual([]);
  });

  it('opens url templates in place or in a new tab, and refuses target on other channels', () => {
    expect(
      validateRules(handoff({ channel: 'url', href: '/contact?topic={intent}', target: 'new_tab' })).rules!.rules[0]!.show,
    ).toMatchObject({ target: 'new_tab' });
    expect(validateRules(handoff({ channel: 'url', href: '/contact', target: 'popup' })).errors[0]).toMatchObject({
      path: '$.rules[0].show.target',
      code: 'not_one_of',
    });
    expect(validateRules(handoff({ channel: 'mailto', href: 'mailto:a@example.com', target: 'new_tab' })).errors[0]).toMatchObject({
      code: 'target_not_for_channel',
    });
  });

  it('refuses a mailto channel whose href is not mailto:, a url without href, an unknown channel and an unsafe fallback', () => {
    expect(validateRules(handoff({ channel: 'mailto', href: 'https://x.example' })).errors[0]).toMatchObject({
      path: '$.rules[0].show.href',
      code: 'mailto_href',
    });
    expect(validateRules(handoff({ channel: 'url' })).errors[0]).toMatchObject({
      path: '$.rules[0].show.href',
      code: 'handoff_without_href',
    });
    expect(validateRules(handoff({ channel: 'intercomm' })).errors[0]!.message).toMatch(/Did you mean `intercom`/);
    expect(validateRules(handoff({ channel: 'tawk', fallback: { href: 'javascript:alert(1)' } })).errors[0]).toMatchObject({
      path: '$.rules[0].show.fallback.href',
      code: 'unsafe_href',
    });
    expect(validateRules(handoff({ channel: 'tawk', fallback: 'mailto:a@example.com' })).errors[0]).toMatchObject({
      path: '$.rules[0].show.fallback',
      code: 'bad_fallback',
    });
  });

  it('lets a help card name its handoff route, and refuses anything but true, false or a route', () => {
    const help = (handoffValue: unknown) =>
      file({ type: 'help', title: 'VAT numbers', body: 'Start with the country code.', handoff: handoffValue });
    expect(validateRules(help({ channel: 'intercom', fallback: { href: '/contact' } })).rules!.rules[0]!.show).toMatchObject({
      handoff: { channel: 'intercom', fallback: { href: '/contact' } },
    });
    expect(validateRules(help(true)).rules!.rules[0]!.show).toMatchObject({ handoff: true });
    expect(validateRules(help('yes')).errors[0]).toMatchObject({ path: '$.rules[0].show.handoff', code: 'bad_handoff_route' });
    expect(validateRules(help({ channel: 'crisp', title: 'x' })).errors[0]).toMatchObject({
      path: '$.rules[0].show.handoff.title',
      code: 'unknown_field',
    });
  });
});

describe('help from articles', () => {
  const help = (extra: Record<string, unknown>, top: Record<string, unknown> = {}) => ({
    ...top,
    rules: [
      {
        id: 'r',
        when: { page: '/checkout' },
        show: { type: 'help', title: 'Need a hand?', body: 'Our help centre has the answer.', ...extra },
      },
    ],
  });

  it('keeps from, tags and the file’s knowledge reference', () => {
    const result = validateRules(help({ from: 'articles', tags: ['vat', 'billing'] }, { knowledge: 'help-articles.json' }));
    expect([result.errors, result.warnings]).toEqual([[], []]);
    expect(result.rules!.knowledge).toBe('help-articles.json');
    expect(result.rules!.rules[0]!.show).toMatchObject({ from: 'articles', tags: ['vat', 'billing'] });
  });

  it('warns when help takes its text from articles but the file names no knowledge file', () => {
    expect(validateRules(help({ from: 'articles' })).warnings).toEqual([
      expect.objectContaining({ path: '$.rules[0].show.from', code: 'articles_without_knowledge' }),
    ]);
  });

  it('refuses another from, bad tags and an unsafe knowledge reference', () => {
    expect(validateRules(help({ from: 'faq' })).errors[0]).toMatchObject({ path: '$.rules[0].show.from', code: 'bad_from' });
    expect(validateRules(help({ tags: ['two words'] })).errors[0]).toMatchObject({ path: '$.rules[0].show.tags', code: 'bad_tags' });
    expect(validateRules(help({}, { knowledge: 'javascript:alert(1)' })).errors[0]).toMatchObject({
      path: '$.knowledge',
      code: 'bad_knowledge',
    });
  });
});
