import { describe, expect, it } from 'vitest';
import { ruleNeeds } from './rule-needs';

const help = { type: 'help', title: 'Comparing plans?', body: 'Here is how the plans differ.' };

describe('ruleNeeds', () => {
  it('names the signals and intents of rules that are not off, through intents too', () => {
    const needs = ruleNeeds({
      intents: { comparing: { when: { any: [{ signal: 'hesitation' }, { signal: 'back_forth' }] } } },
      rules: [
        { id: 'a', when: { all: [{ signal: 'rage_click' }, { intent: 'comparing' }] }, show: help },
        { id: 'b', status: 'off', when: { signal: 'dead_click' }, show: help },
      ],
    });
    expect(needs).toEqual({
      signals: ['rage_click', 'hesitation', 'back_forth'],
      views: false,
      intents: ['comparing'],
      withoutSignals: false,
    });
  });

  it('counts page views in a rule or an intent a rule names, and then needs no signal', () => {
    const inRule = { rules: [{ id: 'r', when: { all: [{ signal: 'rage_click' }, { views: '/pricing*', atLeast: 2 }] }, show: help }] };
    expect(ruleNeeds(inRule)).toMatchObject({ views: true, withoutSignals: true });
    const inIntent = {
      intents: { comparing: { when: { views: '/pricing*', atLeast: 2 } } },
      rules: [{ id: 'r', when: { all: [{ intent: 'comparing' }, { signal: 'hesitation' }] }, show: help }],
    };
    expect(ruleNeeds(inIntent)).toMatchObject({ views: true, withoutSignals: true });
  });

  it('a views condition in an off rule, or the word views in content, needs nothing', () => {
    expect(ruleNeeds({ rules: [{ id: 'r', status: 'off', when: { views: '/pricing*' }, show: help }] })).toMatchObject({
      views: false,
      withoutSignals: false,
    });
    const content = {
      rules: [{ id: 'r', when: { signal: 'rage_click' }, show: { ...help, body: 'Read the reviews and views of others.' } }],
    };
    expect(ruleNeeds(content)).toMatchObject({ views: false, withoutSignals: false });
  });

  it('a rule that can pass without a signal (any with a non-signal branch, dwell, none) needs none; the kill switch needs nothing', () => {
    expect(
      ruleNeeds({ rules: [{ id: 'r', when: { any: [{ signal: 'rage_click' }, { fact: 'dwell', gte: 30000 }] }, show: help }] })
        .withoutSignals,
    ).toBe(true);
    expect(ruleNeeds({ rules: [{ id: 'r', when: { none: [{ signal: 'rage_click' }] }, show: help }] }).withoutSignals).toBe(true);
    expect(ruleNeeds({ enabled: false, rules: [{ id: 'r', when: { fact: 'dwell', gte: 1 }, show: help }] }).withoutSignals).toBe(false);
  });

  it('skips malformed input without throwing', () => {
    for (const input of [
      null,
      42,
      'x',
      { rules: 'no' },
      { rules: [null, 3, { when: null }] },
      { intents: null, rules: [{ when: { intent: 'x' } }] },
    ]) {
      expect(() => ruleNeeds(input)).not.toThrow();
    }
  });
});
