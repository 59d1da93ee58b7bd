import { atom } from 'nanostores';
import { describe, expect, it } from 'vitest';
import type { ConsentState, Purpose, RulesFile } from '@attune/rules';
import type { PipeInput } from '@attune/core';
import type { ActiveHelp, AttuneConfig, EngineHost } from '../api';
import { createEngine } from './create-engine';

const T0 = Date.UTC(2026, 10, 2, 9);
const help = { type: 'help', title: 'Stuck?', body: 'Here is how.' } as const;
const ask = {
  type: 'ask',
  question: 'What brings you here?',
  field: 'role',
  options: [
    { value: 'dev', label: 'Developer' },
    { value: 'pm', label: 'Product' },
  ],
} as const;
const rules = (...list: object[]) => ({ version: 1, rules: list }) as unknown as RulesFile;
const always = { fact: 'dwell', gte: 0 };

/** A headless engine whose consent, refusals, profile and clock the test sets; returns what it sends and stores. */
const open = async (
  file: RulesFile,
  consent: Partial<Record<Purpose, ConsentState>>,
  config: Partial<AttuneConfig> = {},
  stored = new Map<string, unknown>(),
) => {
  let now = T0;
  const sent: PipeInput[] = [];
  const refusals = { never: [] as string[], all: false };
  const $help = atom<ActiveHelp | null>(null);
  const host: EngineHost = {
    win: { document: {}, location: { search: '' } } as unknown as EngineHost['win'],
    log: { warn: () => {}, debug: () => {} },
    config: { rules: '', headless: true, ...config },
    storage: {
      get: async (key: string) => stored.get(key),
      set: async (key: string, value: unknown) => void stored.set(key, structuredClone(value)),
      del: async (key: string) => void stored.delete(key),
      clear: async () => stored.clear(),
    } as unknown as EngineHost['storage'],
    $help,
    now: () => now,
    facts: () => ({
      page: { path: '/pricing' },
      signals: [],
      visitor: { returning: false, visits: 1, firstSeen: T0 },
      dwell: 1000,
      locale: 'en',
    }),
    visitor: () => null,
    consent: () => ({ measurement: 'granted', help: 'granted', profiling: 'granted', ...consent }),
    send: (event) => void sent.push(event as PipeInput),
    forget: async () => {},
    refusals: () => refusals,
    refuse: (rule) => void (rule === null ? (refusals.all = true) : refusals.never.push(rule)),
    loadWidget: () => Promise.reject(new Error('headless')),
    destroyed: () => false,
  };
  const engine = (await createEngine(file, 'test', host))!;
  return { engine, sent, stored, refusals, $help, advance: (ms: number) => void (now += ms) };
};
const shown = (sent: PipeInput[]) => sent.filter((e) => e.type === 'shown').map((e) => e.rule);

describe('engine: help needs the help purpose', () => {
  it('shows nothing while help is pending or denied, and sends no live decision', async () => {
    for (const state of ['pending', 'denied'] as const) {
      const { engine, sent, $help } = await open(rules({ id: 'tip', when: always, show: help }), { help: state });
      await engine.decide();
      expect($help.get()).toBeNull();
      expect(sent.filter((e) => e.type === 'decision' || e.type === 'shown')).toEqual([]);
    }
  });

  it('with help declared a service the visitor asked for, shows help while help is pending, never once it is denied', async () => {
    const pending = await open(rules({ id: 'tip', when: always, show: help }), { help: 'pending' }, { helpAsService: true });
    await pending.engine.decide();
    expect(shown(pending.sent)).toEqual(['tip']);
    const denied = await open(rules({ id: 'tip', when: always, show: help }), { help: 'denied' }, { helpAsService: true });
    await denied.engine.decide();
    expect(shown(denied.sent)).toEqual([]);
  });
});

describe('engine: profiling needs the profiling purpose', () => {
  it('never asks without it (the next rule fires instead) and rules see no answers', async () => {
    const stored = new Map<string, unknown>([['profile', { role: 'dev' }]]);
    const file = rules(
      { id: 'question', priority: 10, when: always, show: ask },
      { id: 'for-devs', priority: 5, when: { fact: 'profile.role', eq: 'dev' }, show: help },
      { id: 'fallback', priority: 1, when: always, show: help },
    );
    const { engine, sent, $help } = await open(file, { profiling: 'denied' }, {}, stored);
    await engine.decide();
    expect($help.get()?.decision.ruleId).toBe('fallback');
    expect(shown(sent)).toEqual(['fallback']);
    // With profiling granted the same answer is seen, and a visitor with none is asked.
    const answered = await open(file, {}, {}, new Map([['profile', { role: 'dev' }]]));
    await answered.engine.decide();
    expect(shown(answered.sent)).toEqual(['for-devs']);
    const unknown = await open(file, {});
    await unknown.engine.decide();
    expect(shown(unknown.sent)).toEqual(['question']);
  });

  it('asks with it, and keeps the answer', async () => {
    const { engine, stored } = await open(rules({ id: 'question', when: always, show: ask }), {});
    await engine.decide();
    engine.answer('dev');
    expect(stored.get('profile')).toEqual({ role: 'dev' });
  });
});

describe('engine: the visitor refusals and how a card was closed', () => {
  it('"Don\'t show tips like this" and "No tips at all" are kept as refusals and honoured', async () => {
    const first = await open(rules({ id: 'a', when: always, show: help }, { id: 'b', priority: -1, when: always, show: help }), {});
    await first.engine.decide();
    first.engine.dismiss('never');
    expect(first.refusals.never).toEqual(['a']);
    first.advance(2 * 86_400_000);
    await first.engine.decide();
    expect(shown(first.sent)).toEqual(['a', 'b']);
    first.engine.dismiss('all');
    expect(first.refusals.all).toBe(true);
    expect(first.sent.filter((e) => e.type === 'dismissed').map((e) => e.kind)).toEqual(['never', 'all']);
  });

  it('refusals from the consent record hold on a page with no stored history', async () => {
    const { engine, sent, refusals } = await open(
      rules({ id: 'a', when: always, show: help }, { id: 'b', priority: -1, when: always, show: help }),
      {},
    );
    refusals.never.push('a');
    await engine.decide();
    expect(shown(sent)).toEqual(['b']);
    const none = await open(rules({ id: 'a', when: always, show: help }), {});
    none.refusals.all = true;
    await none.engine.decide();
    expect(shown(none.sent)).toEqual([]);
  });

  it('a card closed with Escape is recorded as such and starts no cooldown; a deliberate dismissal does', async () => {
    const file = rules({ id: 'a', when: always, show: help, caps: { perSession: 5 } });
    const esc = await open(file, {});
    await esc.engine.decide();
    esc.engine.dismiss('escape');
    expect(esc.sent.filter((e) => e.type === 'dismissed')).toEqual([{ type: 'dismissed', rule: 'a', kind: 'escape' }]);
    esc.advance(5 * 60_000);
    await esc.engine.decide();
    expect(shown(esc.sent)).toEqual(['a', 'a']);
    const closed = await open(file, {});
    await closed.engine.decide();
    closed.engine.dismiss('dismiss');
    closed.advance(5 * 60_000);
    await closed.engine.decide();
    expect(shown(closed.sent)).toEqual(['a']);
  });
});
