import { atom } from 'nanostores';
import { describe, expect, it } from 'vitest';
import { holdoutBucket, ruleNeeds, type Facts, type RulesFile } from '@attune/rules';
import type { PipeInput } from '@attune/core';
import { createEngine } from './create-engine';
import type { ActiveHelp, AttuneConfig, EngineHost } from '../api';

const T0 = Date.UTC(2026, 10, 2, 9);
const help = { type: 'help', title: 'Leaving so soon?', body: 'Here is how the plans differ.' } as const;

/** An engine over `rules` with a headless host whose clock the test moves; returns what it sends. */
const start = async (rules: RulesFile, visitorId = 'visitor-a') => {
  let now = T0;
  const sent: PipeInput[] = [];
  const refusals = { never: [] as string[], all: false };
  const facts = (): Facts => ({
    page: { path: '/pricing' },
    signals: [],
    visitor: { returning: false, visits: 1, firstSeen: T0, id: visitorId },
    locale: 'en',
  });
  const host: EngineHost = {
    win: { document: {} } as unknown as EngineHost['win'],
    log: { warn: () => {}, debug: () => {} } as unknown as EngineHost['log'],
    config: { headless: true } as AttuneConfig,
    storage: { get: async () => undefined, set: async () => {}, del: async () => {} } as unknown as EngineHost['storage'],
    $help: atom<ActiveHelp | null>(null),
    now: () => now,
    facts,
    visitor: () => null,
    consent: () => ({ measurement: 'granted', help: 'granted', profiling: 'granted' }),
    send: (event) => void sent.push(event as PipeInput),
    forget: async () => {},
    refusals: () => refusals,
    refuse: (rule) => (rule === null ? (refusals.all = true) : refusals.never.push(rule), undefined),
    loadWidget: () => Promise.reject(new Error('headless')),
    destroyed: () => false,
  };
  const engine = await createEngine(rules, 'test', host);
  if (!engine) throw new Error('rules refused');
  return { engine, sent, advance: (ms: number) => void (now += ms) };
};

const shadowRule = { id: 'exit-offer', status: 'shadow', when: { page: '/pricing*' }, show: help } as const;
const decisions = (sent: PipeInput[]) => sent.filter((e) => e.type === 'decision');

describe('engine: shadow decisions on the wire', () => {
  it('sends "would have shown", then the guardrail that blocks the shadow rule, once per page view', async () => {
    const { engine, sent, advance } = await start({ version: 1, rules: [{ ...shadowRule, caps: { perSession: 1 } }] } as RulesFile);
    await engine.decide();
    expect(decisions(sent)).toEqual([{ type: 'decision', rule: 'exit-offer', shadow: true, evidence: [] }]);
    engine.newPage();
    advance(120_000);
    await engine.decide();
    await engine.decide();
    expect(decisions(sent).slice(1)).toEqual([{ type: 'decision', rule: 'exit-offer', shadow: true, blocked: 'rule_cap' }]);
    engine.newPage();
    await engine.decide();
    expect(decisions(sent).slice(2)).toEqual([{ type: 'decision', rule: 'exit-offer', shadow: true, blocked: 'rule_cap' }]);
  });

  it('names the global guardrail that would have blocked it: the session cap, then the minimum gap', async () => {
    const second = { ...shadowRule, id: 'second-offer', caps: { perSession: 5 } };
    const { engine, sent, advance } = await start({ version: 1, rules: [shadowRule, second] } as RulesFile);
    await engine.decide();
    expect(decisions(sent).map((e) => [e.rule, e.blocked ?? 'would show'])).toEqual([
      ['exit-offer', 'would show'],
      ['second-offer', 'would show'],
    ]);
    engine.newPage();
    advance(10_000);
    await engine.decide();
    // A rule shows once per session by default; two virtual interventions reach the default global cap of 2.
    expect(
      decisions(sent)
        .slice(2)
        .map((e) => [e.rule, e.blocked]),
    ).toEqual([
      ['exit-offer', 'already_shown'],
      ['second-offer', 'session_cap'],
    ]);

    const roomy = await start({ version: 1, defaults: { caps: { perSession: 10 } }, rules: [shadowRule, second] } as RulesFile);
    await roomy.engine.decide();
    roomy.engine.newPage();
    roomy.advance(10_000);
    await roomy.engine.decide();
    expect(
      decisions(roomy.sent)
        .slice(2)
        .map((e) => [e.rule, e.blocked]),
    ).toEqual([
      ['exit-offer', 'already_shown'],
      ['second-offer', 'min_gap'],
    ]);
  });

  it('sends nothing for shadow rules when the kill switch is off', async () => {
    const { engine, sent } = await start({ version: 1, enabled: false, rules: [shadowRule] } as RulesFile);
    await engine.decide();
    expect(decisions(sent)).toEqual([]);
  });

  it('still records a live rule held out for the visitor as a holdout decision, with no blocked field', async () => {
    const heldOut = Array.from({ length: 50 }, (_, i) => `v${i}`).find((id) => holdoutBucket(id, 'live-offer') < 0.5)!;
    const { engine, sent } = await start(
      { version: 1, rules: [{ id: 'live-offer', when: { page: '/pricing*' }, show: help, holdout: 0.5 }] } as RulesFile,
      heldOut,
    );
    await engine.decide();
    expect(decisions(sent)).toEqual([{ type: 'decision', rule: 'live-offer', shadow: false, holdout: true }]);
  });
});

describe('engine: page views for views conditions', () => {
  const DAY = 86_400_000;
  const comparing = { version: 1, rules: [{ id: 'comparing', when: { views: '/pricing*', atLeast: 2 }, show: help }] } as RulesFile;

  /** An engine on `path` (which the test moves) over a Map-backed storage that outlives it, like IndexedDB across page loads. */
  const open = async (rules: RulesFile, stored: Map<string, unknown>, at: number, page = { path: '/pricing' }, search = '') => {
    const sent: PipeInput[] = [];
    const clock = { now: at };
    const host: EngineHost = {
      win: { document: {}, location: { search } } as unknown as EngineHost['win'],
      log: { warn: () => {}, debug: () => {} } as unknown as EngineHost['log'],
      config: { headless: true } as AttuneConfig,
      storage: {
        get: async (key: string) => stored.get(key),
        set: async (key: string, value: unknown) => void stored.set(key, structuredClone(value)),
        del: async (key: string) => void stored.delete(key),
      } as unknown as EngineHost['storage'],
      $help: atom<ActiveHelp | null>(null),
      now: () => clock.now,
      facts: () => ({ page: { ...page }, signals: [], visitor: { returning: false, visits: 1, firstSeen: T0 }, locale: 'en' }),
      visitor: () => null,
      consent: () => ({ measurement: 'granted', help: 'granted', profiling: 'granted' }),
      send: (event) => void sent.push(event as PipeInput),
      forget: async () => {},
      refusals: () => ({ never: [], all: false }),
      refuse: () => {},
      loadWidget: () => Promise.reject(new Error('headless')),
      destroyed: () => false,
    };
    const engine = await createEngine(rules, 'test', host, ruleNeeds(rules).views);
    if (!engine) throw new Error('rules refused');
    return { engine, sent, page, clock, host };
  };
  const shown = (sent: PipeInput[]) => sent.filter((e) => e.type === 'shown').map((e) => e.rule);

  it('remembers this page view when created and each route change, oldest first, and counts them in the facts', async () => {
    const stored = new Map<string, unknown>();
    const first = await open(comparing, stored, T0);
    expect(stored.get('views')).toEqual([{ path: '/pricing', at: T0 }]);
    await first.engine.decide();
    expect(shown(first.sent)).toEqual([]);
    first.page.path = '/features';
    first.clock.now = T0 + 60_000;
    first.engine.newPage();
    expect(stored.get('views')).toEqual([
      { path: '/pricing', at: T0 },
      { path: '/features', at: T0 + 60_000 },
    ]);

    // The next page load reads what the last one kept and adds itself: the second pricing view.
    const second = await open(comparing, stored, T0 + 120_000);
    expect(stored.get('views')).toEqual([
      { path: '/pricing', at: T0 },
      { path: '/features', at: T0 + 60_000 },
      { path: '/pricing', at: T0 + 120_000 },
    ]);
    await second.engine.decide();
    expect(shown(second.sent)).toEqual(['comparing']);
  });

  it('keeps at most the newest 50 views and drops views older than 30 days', async () => {
    const stored = new Map<string, unknown>();
    const old = [
      { path: '/pricing', at: T0 - 30 * DAY - 1 },
      { path: '/pricing', at: T0 - 30 * DAY + 1 },
    ];
    const recent = Array.from({ length: 60 }, (_, i) => ({ path: `/docs/${i}`, at: T0 - 60_000 + i }));
    stored.set('views', [...old, ...recent]);
    await open(comparing, stored, T0);
    const kept = stored.get('views') as { path: string; at: number }[];
    expect(kept).toHaveLength(50);
    expect(kept.at(-1)).toEqual({ path: '/pricing', at: T0 });
    expect(kept[0]).toEqual({ path: '/docs/11', at: T0 - 60_000 + 11 });

    stored.set('views', old);
    await open(comparing, stored, T0);
    expect(stored.get('views')).toEqual([
      { path: '/pricing', at: T0 - 30 * DAY + 1 },
      { path: '/pricing', at: T0 },
    ]);
  });

  it('remembers nothing when no rule or intent counts views, and remembers views an intent counts', async () => {
    const stored = new Map<string, unknown>();
    await open({ version: 1, rules: [{ id: 'pricing', when: { page: '/pricing*' }, show: help }] } as RulesFile, stored, T0);
    expect(stored.has('views')).toBe(false);
    const viaIntent = {
      version: 1,
      intents: { comparing: { when: { views: '/pricing*', atLeast: 2 } } },
      rules: [{ id: 'r', when: { intent: 'comparing' }, show: help }],
    } as RulesFile;
    await open(viaIntent, stored, T0);
    expect(stored.get('views')).toEqual([{ path: '/pricing', at: T0 }]);
  });

  it('remembers no view on a preview page', async () => {
    const stored = new Map<string, unknown>([['views', [{ path: '/pricing', at: T0 - 1000 }]]]);
    await open(comparing, stored, T0, { path: '/pricing' }, '?attune-preview=comparing');
    expect(stored.get('views')).toEqual([{ path: '/pricing', at: T0 - 1000 }]);
    await open(comparing, stored, T0 + 1, { path: '/pricing' }, '?utm_source=x');
    expect(stored.get('views')).toHaveLength(2);
  });

  it('forgets the views held in memory', async () => {
    const stored = new Map<string, unknown>([['views', [{ path: '/pricing', at: T0 - 1000 }]]]);
    const { engine, sent } = await open(comparing, stored, T0);
    engine.forget();
    await engine.decide();
    expect(shown(sent)).toEqual([]);
  });
});
