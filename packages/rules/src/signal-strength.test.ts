import { describe, expect, it } from 'vitest';
import { SIGNAL_STRENGTH } from './signal-strength';
import { SIGNAL_TYPES } from './signal-types';
import { validateRules } from './validate-rules';

const show = { type: 'help', title: 'Need a hand?', body: 'Our team can help.' };
const weakWarnings = (rules: object[], intents?: object) =>
  validateRules({ version: 1, ...(intents ? { intents } : {}), rules: rules.map((r, i) => ({ id: `r${i}`, show, ...r })) }).warnings.filter(
    (w) => w.code === 'weak_evidence',
  );

describe('signal strength', () => {
  it('gives every signal type a strength, with the four the issue names weak', () => {
    expect(Object.keys(SIGNAL_STRENGTH).sort()).toEqual([...SIGNAL_TYPES].sort());
    for (const t of ['slow_interaction', 'exit_intent', 'hesitation', 'back_forth'] as const) expect(SIGNAL_STRENGTH[t]).toBe('weak');
    for (const t of ['rage_click', 'dead_click', 'error_click', 'form_error'] as const) expect(SIGNAL_STRENGTH[t]).toBe('strong');
  });

  it('warns, with the JSON path of the weak condition, when a live rule can fire on one weak signal alone', () => {
    const warnings = weakWarnings(
      [
        { when: { signal: 'exit_intent' } },
        { when: { all: [{ page: '/pricing*' }, { signal: 'hesitation', within: '1m' }] } },
        { when: { any: [{ signal: 'rage_click' }, { signal: 'slow_interaction' }] } },
        { when: { intent: 'leaving' } },
      ],
      { leaving: { when: { signal: 'back_forth' } } },
    );
    expect(warnings.map((w) => w.path)).toEqual(['$.rules[0].when', '$.rules[1].when.all[1]', '$.rules[2].when.any[1]', '$.rules[3].when']);
    expect(warnings[0]!.severity).toBe('warning');
    expect(warnings[0]!.message).toContain('r0');
  });

  it('does not warn when a strong signal or a second weak signal is required, or the rule shows nothing', () => {
    expect(
      weakWarnings([
        { when: { signal: 'rage_click' } },
        { when: { all: [{ signal: 'exit_intent' }, { signal: 'form_error' }] } },
        { when: { all: [{ signal: 'hesitation' }, { signal: 'exit_intent' }] } },
        { when: { signal: 'hesitation', atLeast: 3 } },
        { status: 'shadow', when: { signal: 'exit_intent' } },
        { status: 'off', when: { signal: 'exit_intent' } },
        { when: { page: '/pricing' } },
      ]),
    ).toEqual([]);
  });
});
