import { describe, expect, it } from 'vitest';
import { explain } from './explain';
import type { Decision, Evidence } from './types';

// A decision as `evaluate` builds it: the evidence's signals are also its reasons.
const decision = (over: Partial<Decision> = {}): Decision => {
  const evidence: Evidence[] = over.evidence ?? [{ signal: 'rage_click', target: 'pricing-table', count: 4, occurrences: 1 }];
  return {
    ruleId: 'pricing-help',
    shadow: false,
    action: { type: 'help', title: 'Need a hand?', body: '…' },
    evidence,
    reasons: evidence.map((e) => ({ kind: 'signal', ...e })),
    trace: [],
    ...over,
  };
};

describe('explain', () => {
  it('describes a rage click in plain English', () => {
    expect(explain(decision())).toBe('You clicked the pricing table 4 times in a row.');
  });

  it("uses the rule's because when it has one", () => {
    expect(explain(decision({ because: 'You seem stuck on pricing.' }))).toBe('You seem stuck on pricing.');
  });

  it('quotes labels that do not end in a familiar noun and reads ids and selectors', () => {
    expect(explain(decision({ evidence: [{ signal: 'rage_click', target: 'pricing/plan-pro', count: 5 }] }))).toBe(
      'You clicked “plan pro” 5 times in a row.',
    );
    // A form error may be on the form itself, whose label is the site's internal name: the sentence names the form.
    expect(explain(decision({ evidence: [{ signal: 'form_error', target: 'signup', count: 1 }] }))).toBe('The form showed an error.');
    expect(explain(decision({ evidence: [{ signal: 'dead_click', target: 'form#lead > button', count: 1 }] }))).toBe(
      'You clicked the button and nothing happened.',
    );
  });

  it('names at most the two strongest pieces of evidence', () => {
    const text = explain(
      decision({
        evidence: [
          { signal: 'hesitation', target: 'pricing-table', count: 12 },
          { signal: 'rage_click', target: 'plan-pro-button', count: 4 },
          { signal: 'exit_intent', target: 'page', count: 1 },
        ],
      }),
    );
    expect(text).toBe('You paused on the pricing table for a while. You clicked the plan pro button 4 times in a row.');
  });

  it('speaks German, French, Spanish and Arabic, and falls back to English', () => {
    expect(explain(decision(), 'de-DE')).toBe('Sie haben 4-mal hintereinander auf „pricing table“ geklickt.');
    expect(explain(decision(), 'fr')).toBe('Vous avez cliqué 4 fois de suite sur « pricing table ».');
    expect(explain(decision(), 'es-MX')).toBe('Hiciste clic 4 veces seguidas en «pricing table».');
    expect(explain(decision(), 'ar')).toBe('نقرت على «\u2068pricing table\u2069» 4 مرات متتالية.');
    expect(explain(decision(), 'ja')).toBe('You clicked the pricing table 4 times in a row.');
  });

  it('gives a sentence that claims no reason when there is none, or no reasons at all', () => {
    expect(explain(decision({ evidence: [] }))).toBe('We thought this might help.');
    expect(explain(decision({ evidence: [] }), 'de')).toBe('Wir dachten, das könnte Ihnen helfen.');
    const { reasons: _, ...withoutReasons } = decision();
    expect(explain(withoutReasons)).toBe('We thought this might help.');
  });
});
