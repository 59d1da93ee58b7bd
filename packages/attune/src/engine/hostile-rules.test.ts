import { atom } from 'nanostores';
import { describe, expect, it } from 'vitest';
import type { Facts, RulesFile } from '@attune/rules';
import type { ActiveHelp, AttuneConfig, EngineHost } from '../api';
import { createEngine } from './create-engine';

const help = { type: 'help', title: 'Need a hand?', body: 'Here is how the plans differ.' } as const;

/** A headless engine host that records the warnings; `facts` is what the page reports. */
const host = (facts: Facts) => {
  const warnings: string[] = [];
  const value: EngineHost = {
    win: { document: {} } as unknown as EngineHost['win'],
    log: { warn: (message: string) => void warnings.push(message), debug: () => {} } as unknown as EngineHost['log'],
    config: { headless: true } as AttuneConfig,
    storage: { get: async () => undefined, set: async () => {}, del: async () => {} } as unknown as EngineHost['storage'],
    $help: atom<ActiveHelp | null>(null),
    now: () => 1_000_000_000,
    facts: () => facts,
    visitor: () => null,
    consent: () => ({ measurement: 'granted', help: 'granted', profiling: 'granted' }),
    send: () => {},
    forget: async () => {},
    refusals: () => ({ never: [], all: false }),
    refuse: () => {},
    loadWidget: () => Promise.reject(new Error('headless')),
    handoffCallbacks: () => [],
    destroyed: () => false,
  };
  return { value, warnings };
};

describe('engine: hostile rules files', () => {
  it('says why a rules file that is JSON null is not used, with the validator path, instead of switching off silently', async () => {
    const { value, warnings } = host({ page: { path: '/' } });
    expect(await createEngine('null', 'from /rules.json', value)).toBeNull();
    expect(warnings).toEqual([
      'rules from /rules.json: $: file_not_object',
      'rules from /rules.json are not usable; Attune stays inert on this page',
    ]);
  });

  it('loads the regex matcher for a file with regex conditions, so the rule is kept (without it: regex_unavailable)', async () => {
    const { value, warnings } = host({ page: { path: '/blog/linear-time' } });
    const rules = {
      version: 1,
      rules: [{ id: 'blog', when: { fact: 'page.path', regex: '^/blog/[a-z-]+$' }, show: help }],
    } as unknown as RulesFile;
    const engine = await createEngine(rules, 'inline', value);
    expect(engine).not.toBeNull();
    expect(warnings).toEqual([]);
  });

  it('warns once per rule that runs out of its evaluation budget, however often it is evaluated', async () => {
    const { value, warnings } = host({ page: { path: '/pricing', utm: { utm_source: 'z'.repeat(1000) } } });
    const heavy = { any: Array.from({ length: 50 }, (_, i) => ({ fact: 'page.utm.utm_source', regex: `([a-z]{1,4}[0-9]?){30}${i}` })) };
    const rules = { version: 1, rules: [{ id: 'heavy', when: heavy, show: help }] } as unknown as RulesFile;
    const engine = await createEngine(rules, 'inline', value);
    await engine?.decide();
    await engine?.decide();
    expect(warnings.filter((w) => w.includes('heavy'))).toHaveLength(1);
    expect(warnings[0]).toMatch(/^rules inline: heavy skipped: /);
  });
});
