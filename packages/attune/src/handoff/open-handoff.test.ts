import { describe, expect, it } from 'vitest';
import type { Decision, HandoffRoute } from '@attune/rules';
import { continuityRecord, type HandoffRecord } from './continuity-record';
import { channelReady, openHandoff, type HandoffDeps } from './open-handoff';
import { openChat } from './open-chat';

const decision: Decision = {
  ruleId: 'vat-help',
  shadow: false,
  action: { type: 'help', title: 'VAT?', body: 'Country code first.' },
  evidence: [{ signal: 'form_error', target: 'checkout', count: 3 }],
  trace: [],
};
const record = (channel: HandoffRoute['channel'], href?: string): HandoffRecord => ({
  ...continuityRecord({ decision, page: '/checkout', history: { shown: [], dismissed: [] }, profile: {}, channel, fields: ['vat_number'] }),
  ...(href ? { href } : {}),
});

/** A stand-in window: each chat global with its documented method names, recording every call. */
const standIn = (globals: string[]) => {
  const calls: unknown[][] = [];
  const win: Record<string, unknown> = {};
  if (globals.includes('intercom')) win.Intercom = (...args: unknown[]) => calls.push(['Intercom', ...args]);
  if (globals.includes('zendesk')) win.zE = (...args: unknown[]) => calls.push(['zE', ...args]);
  if (globals.includes('hubspot')) win.HubSpotConversations = { widget: { open: () => calls.push(['HubSpotConversations.widget.open']) } };
  if (globals.includes('crisp')) win.$crisp = { push: (command: unknown[]) => calls.push(['$crisp.push', command]) };
  if (globals.includes('tawk')) win.Tawk_API = { maximize: () => calls.push(['Tawk_API.maximize']) };
  if (globals.includes('freshchat')) win.fcWidget = { open: (options: unknown) => calls.push(['fcWidget.open', options]) };
  return { win: win as unknown as Window, calls };
};
const deps = (win: Window, callbacks: ((r: HandoffRecord) => void)[] = []): HandoffDeps => ({
  win,
  callbacks: () => callbacks,
  loadChat: async () => openChat,
});

describe('openHandoff through the chat adapters', () => {
  it.each([
    ['intercom', [['Intercom', 'showNewMessage', expect.stringContaining('Failing fields: vat_number')]]],
    ['zendesk', [['zE', 'messenger', 'open']]],
    ['hubspot', [['HubSpotConversations.widget.open']]],
    [
      'crisp',
      [
        ['$crisp.push', ['set', 'message:text', [expect.stringContaining('Recommended next action: ')]]],
        ['$crisp.push', ['do', 'chat:open']],
      ],
    ],
    ['tawk', [['Tawk_API.maximize']]],
    ['freshchat', [['fcWidget.open', { replyText: expect.stringContaining('Page: /checkout') }]]],
  ] as const)('%s: calls the documented global with the summary where it takes one', async (channel, expected) => {
    const { win, calls } = standIn([channel]);
    expect(channelReady({ channel }, deps(win))).toBe(true);
    expect(await openHandoff({ channel }, record(channel), deps(win))).toBeNull();
    expect(calls).toEqual(expected);
  });

  it('reports channel_missing without a global (and says the channel is not ready), channel_error when the vendor throws', async () => {
    const { win } = standIn(['zendesk']);
    expect(channelReady({ channel: 'intercom' }, deps(win))).toBe(false);
    expect(await openHandoff({ channel: 'intercom' }, record('intercom'), deps(win))).toBe('channel_missing');
    const throwing = {
      Intercom: () => {
        throw new Error('not booted');
      },
    } as unknown as Window;
    expect(await openHandoff({ channel: 'intercom' }, record('intercom'), deps(throwing))).toBe('channel_error');
  });
});

describe('openHandoff through callbacks and links', () => {
  it('gives the record to every callback, and reports no_callback or channel_error', async () => {
    const seen: HandoffRecord[] = [];
    const win = {} as Window;
    expect(
      await openHandoff(
        { channel: 'callback' },
        record('callback'),
        deps(win, [
          (r) => seen.push(r),
          () => {
            throw new Error('x');
          },
        ]),
      ),
    ).toBeNull();
    expect(seen.map((r) => r.failingFields)).toEqual([['vat_number']]);
    expect(await openHandoff({ channel: 'callback' }, record('callback'), deps(win))).toBe('no_callback');
    expect(channelReady({ channel: 'callback' }, deps(win))).toBe(false);
    expect(
      await openHandoff(
        { channel: 'callback' },
        record('callback'),
        deps(win, [
          () => {
            throw new Error('x');
          },
        ]),
      ),
    ).toBe('channel_error');
  });

  it('opens a url in a new tab cut from its opener by default, or in place with target self, and reports a blocked tab or a link refused after filling', async () => {
    const assigned: string[] = [];
    const tab = { opener: {} as unknown };
    const opened: string[] = [];
    let allowTab = true;
    const win = {
      location: { assign: (href: string) => assigned.push(href) },
      open: (href: string) => (opened.push(href), allowTab ? tab : null),
    } as unknown as Window;
    expect(
      await openHandoff({ channel: 'url', href: '/contact', target: 'self' }, record('url', '/contact?page=%2Fcheckout'), deps(win)),
    ).toBeNull();
    expect(assigned).toEqual(['/contact?page=%2Fcheckout']);
    expect(await openHandoff({ channel: 'url', href: '/c' }, record('url', 'https://help.example/new'), deps(win))).toBeNull();
    expect([opened, tab.opener]).toEqual([['https://help.example/new'], null]);
    allowTab = false;
    expect(await openHandoff({ channel: 'url', href: '/c', target: 'new_tab' }, record('url', 'https://help.example/new'), deps(win))).toBe(
      'popup_blocked',
    );
    expect(await openHandoff({ channel: 'url', href: '{rule}:x' }, record('url'), deps(win))).toBe('unsafe_link');
  });
});
