import { describe, expect, it } from 'vitest';
import { mayFireWithoutSignals } from './rules-source';

const help = { type: 'help', title: 'Comparing plans?', body: 'Here is how the plans differ.' };

describe('mayFireWithoutSignals', () => {
  it('waits for a signal when every rule needs one', () => {
    expect(mayFireWithoutSignals({ rules: [{ id: 'r', when: { signal: 'rage_click' }, show: help }] } as never)).toBe(false);
  });

  it('loads the engine on every page when a rule or an intent counts page views, even beside a signal', () => {
    const inRule = { rules: [{ id: 'r', when: { all: [{ signal: 'rage_click' }, { views: '/pricing*', atLeast: 2 }] }, show: help }] };
    expect(mayFireWithoutSignals(inRule as never)).toBe(true);
    expect(mayFireWithoutSignals(JSON.stringify(inRule))).toBe(true);
    const inIntent = {
      intents: { comparing: { when: { views: '/pricing*', atLeast: 2 } } },
      rules: [{ id: 'r', when: { all: [{ intent: 'comparing' }, { signal: 'hesitation' }] }, show: help }],
    };
    expect(mayFireWithoutSignals(JSON.stringify(inIntent))).toBe(true);
  });

  it('does not load it for the word views in content, nor when the kill switch is off', () => {
    const content = { rules: [{ id: 'r', when: { signal: 'rage_click' }, show: { ...help, body: 'Read the reviews and views of others.' } }] };
    expect(mayFireWithoutSignals(JSON.stringify(content))).toBe(false);
    const off = { enabled: false, rules: [{ id: 'r', when: { views: '/pricing*' }, show: help }] };
    expect(mayFireWithoutSignals(JSON.stringify(off))).toBe(false);
  });
});
