import { describe, expect, it } from 'vitest';
import { validateRules, type CompiledRules } from '@attune/rules';
import type { RecordedSession } from './read-sessions';
import { simulateSession } from './simulate-session';

const help = { type: 'help', title: 'Need a hand?', body: 'Plans differ in support.' };
const compile = (rules: unknown[]): CompiledRules => validateRules({ rules }).rules as CompiledRules;
const session = (events: RecordedSession['events'], over: Partial<RecordedSession> = {}): RecordedSession => ({
  id: 's',
  start: 1_000_000,
  visitor: { id: 'v', returning: false, visits: 1, firstSeen: 1_000_000 },
  events,
  ...over,
});
const empty = { shown: [], dismissed: [] };

describe('simulateSession', () => {
  it('shows a rule when its signal arrives and records it in the ledger', () => {
    const rules = compile([{ id: 'r', when: { signal: 'rage_click', target: 'pricing*' }, show: help }]);
    const { steps, ledger } = simulateSession(
      rules,
      session([
        { t: 0, page: '/pricing' },
        { t: 5000, signal: 'rage_click', target: 'pricing', count: 4 },
      ]),
      empty,
    );
    expect(steps.map((s) => [s.t, s.kind])).toEqual([[5000, 'show']]);
    expect(ledger.shown).toEqual([{ ruleId: 'r', at: 1_005_000, type: 'help' }]);
  });

  it('keeps a shown card visible until the visitor acts, blocking other rules', () => {
    const rules = compile([
      { id: 'a', priority: 2, when: { signal: 'rage_click' }, show: help },
      { id: 'b', when: { signal: 'dead_click' }, show: help },
    ]);
    const { steps } = simulateSession(
      rules,
      session([
        { t: 0, page: '/x' },
        { t: 1000, signal: 'rage_click', target: 't' },
        { t: 70_000, signal: 'dead_click', target: 't' },
        { t: 80_000, engage: 'a' },
      ]),
      empty,
    );
    expect(steps.filter((s) => s.kind === 'blocked').map((s) => s.kind === 'blocked' && [s.t, s.ruleId, s.reason])).toEqual([
      [70_000, 'a', 'already_shown'],
      [70_000, 'b', 'visible'],
    ]);
    expect(steps.filter((s) => s.kind === 'show').map((s) => s.kind === 'show' && [s.t, s.decision.ruleId])).toEqual([
      [1000, 'a'],
      [80_000, 'b'],
    ]);
  });

  it('counts page events as page views, across sessions of the visitor, for views rules', () => {
    const rules = compile([{ id: 'v', when: { views: '/pricing*', atLeast: 2, within: '1d' }, show: help }]);
    const first = simulateSession(
      rules,
      session([
        { t: 0, page: '/pricing' },
        { t: 1000, page: '/features' },
      ]),
      empty,
    );
    expect(first.steps).toEqual([]);
    expect(first.ledger.views).toEqual([
      { path: '/pricing', at: 1_000_000 },
      { path: '/features', at: 1_001_000 },
    ]);
    const second = simulateSession(rules, session([{ t: 0, page: '/pricing/teams' }], { start: 2_000_000 }), first.ledger);
    expect(second.steps.map((s) => s.kind === 'show' && [s.t, s.decision.ruleId, s.why])).toEqual([
      [0, 'v', 'You viewed the pricing page twice.'],
    ]);
    const muchLater = simulateSession(rules, session([{ t: 0, page: '/pricing' }], { start: 1_000_000 + 2 * 86_400_000 }), first.ledger);
    expect(muchLater.steps).toEqual([]);
  });

  it('explains a rule on stage, device and referrer by the device and referrer observed, and a stage-only rule by no reason', () => {
    const rules = compile([
      {
        id: 'mobile',
        priority: 2,
        when: {
          all: [
            { fact: 'stage', eq: 'trial' },
            { fact: 'device', eq: 'mobile' },
            { fact: 'page.referrer', in: ['search', 'social'] },
          ],
        },
        show: help,
      },
      { id: 'trial', when: { fact: 'stage', eq: 'trial' }, show: help },
    ]);
    const phone = simulateSession(
      rules,
      session([{ t: 0, page: '/docs', referrer: 'search' }], { facts: { stage: 'trial', device: 'mobile' } }),
      empty,
    );
    expect(phone.steps.map((s) => s.kind === 'show' && [s.decision.ruleId, s.why])).toEqual([
      ['mobile', 'You came here from a search engine. You are using a phone.'],
    ]);
    const german = simulateSession(
      rules,
      session([{ t: 0, page: '/docs', referrer: 'search' }], { facts: { stage: 'trial', device: 'mobile', locale: 'de-DE' } }),
      empty,
    );
    expect(german.steps.map((s) => s.kind === 'show' && s.why)).toEqual([
      'Sie sind über eine Suchmaschine hierhergekommen. Sie nutzen ein Smartphone.',
    ]);
    const desktop = simulateSession(
      rules,
      session([{ t: 0, page: '/docs', referrer: 'search' }], { facts: { stage: 'trial', device: 'desktop' } }),
      empty,
    );
    expect(desktop.steps.map((s) => s.kind === 'show' && [s.decision.ruleId, s.why])).toEqual([['trial', 'We thought this might help.']]);
  });

  it('offers B after A was dismissed this session, and C after A was answered not helpful, from the replayed ledger (after the 60s gap)', () => {
    const rules = compile([
      { id: 'a', priority: 3, when: { signal: 'rage_click' }, show: help },
      { id: 'b', priority: 2, when: { rule: 'a', was: 'dismissed', within: 'session' }, show: help },
      { id: 'c', priority: 1, when: { rule: 'a', was: 'not_helpful' }, show: help },
    ]);
    const dismissed = simulateSession(
      rules,
      session([
        { t: 0, page: '/p' },
        { t: 1000, signal: 'rage_click', target: 't' },
        { t: 2000, dismiss: 'a' },
        { t: 62_000, tick: true },
      ]),
      empty,
    );
    expect(dismissed.steps.filter((s) => s.kind === 'show').map((s) => s.kind === 'show' && [s.t, s.decision.ruleId, s.why])).toEqual([
      [1000, 'a', 'You clicked “t” repeatedly.'],
      [62_000, 'b', 'You closed an earlier tip.'],
    ]);
    // The next session: the dismissal is not this session's, so B stays away.
    const later = simulateSession(rules, session([{ t: 0, page: '/p' }], { start: 5_000_000 }), dismissed.ledger);
    expect(later.steps.filter((s) => s.kind === 'show')).toEqual([]);
    const rated = simulateSession(
      rules,
      session([
        { t: 0, page: '/p' },
        { t: 1000, signal: 'rage_click', target: 't' },
        { t: 3000, engage: 'a', helpful: false },
        { t: 62_000, tick: true },
      ]),
      empty,
    );
    expect(rated.ledger.shown[0]).toEqual({ ruleId: 'a', at: 1_001_000, type: 'help', outcome: 'helpful_no' });
    expect(rated.steps.filter((s) => s.kind === 'show').map((s) => s.kind === 'show' && [s.t, s.decision.ruleId])).toEqual([
      [1000, 'a'],
      [62_000, 'c'],
    ]);
  });

  it('computes dwell from the page view so dwell rules fire on later events', () => {
    const rules = compile([{ id: 'd', when: { fact: 'dwell', gte: '30s' }, show: help }]);
    const { steps } = simulateSession(
      rules,
      session([
        { t: 0, page: '/docs' },
        { t: 29_000, tick: true },
        { t: 31_000, tick: true },
      ]),
      empty,
    );
    expect(steps.map((s) => s.t)).toEqual([31_000]);
  });

  it('fills the profile from answers so a question is not asked again', () => {
    const ask = { type: 'ask', field: 'role', question: 'What best describes your role?' };
    const rules = compile([
      { id: 'q', when: { page: '/a' }, show: ask },
      { id: 'q-again', when: { page: '/b' }, show: ask },
    ]);
    const { steps } = simulateSession(
      rules,
      session([
        { t: 0, page: '/a' },
        { t: 1000, answer: { role: 'dev' } },
        { t: 90_000, page: '/b' },
      ]),
      empty,
    );
    expect(steps.map((s) => (s.kind === 'blocked' ? `${s.ruleId} ${s.reason}` : `${s.decision.ruleId} ${s.kind}`))).toEqual([
      'q show',
      'q already_shown',
      'q-again known_field',
    ]);
  });

  it('reports a blocked shadow rule once per page view with the guardrail that stopped it, as devices record it', () => {
    const rules = compile([{ id: 'exit', status: 'shadow', when: { page: '/pricing*' }, show: help, caps: { perSession: 1 } }]);
    const { steps } = simulateSession(
      rules,
      session([
        { t: 0, page: '/pricing' },
        { t: 5000, tick: true },
        { t: 90_000, page: '/pricing/team' },
        { t: 95_000, tick: true },
        { t: 180_000, page: '/pricing' },
      ]),
      empty,
    );
    expect(steps.map((s) => (s.kind === 'blocked' ? [s.t, s.path, `blocked ${s.reason}`, s.shadow] : [s.t, s.path, s.kind]))).toEqual([
      [0, '/pricing', 'shadow'],
      [5000, '/pricing', 'blocked rule_cap', true],
      [90_000, '/pricing/team', 'blocked rule_cap', true],
      [180_000, '/pricing', 'blocked rule_cap', true],
    ]);
  });

  it('does not change the ledger it was given', () => {
    const rules = compile([{ id: 'r', when: { page: '/*' }, show: help }]);
    const previous = { shown: [], dismissed: [] };
    simulateSession(rules, session([{ t: 0, page: '/a' }]), previous);
    expect(previous).toEqual({ shown: [], dismissed: [] });
  });
});
