import { describe, expect, it } from 'vitest';
import { describePage } from './describe-target';
import { evaluate } from './evaluate';
import { explain } from './explain';
import type { Decision, Facts, SignalRecord } from './types';
import { validateRules } from './validate-rules';

const NOW = 1_000_000_000;
const help = { type: 'help', title: 'Comparing plans?', body: 'Here is how the plans differ.' };
const signal = (type: SignalRecord['type'], target: string, count = 1, ago = 1000): SignalRecord => ({
  type,
  target,
  count,
  at: NOW - ago,
});
const baseFacts = (over: Partial<Facts> = {}): Facts => ({
  page: { path: '/pricing' },
  signals: [],
  visitor: { returning: false, visits: 1, firstSeen: NOW - 86_400_000 },
  ...over,
});

/** Validates a rules file (expecting no errors) and returns the decision for `facts`. */
const decideWith = (file: Record<string, unknown>, facts: Facts): Decision => {
  const result = validateRules({ version: 1, ...file });
  expect(result.errors).toEqual([]);
  const decision = evaluate(result.rules!, facts, { shown: [], dismissed: [] }, NOW).decision;
  expect(decision).not.toBeNull();
  return decision as Decision;
};

const comparing = {
  describe: 'You compared our plans twice.',
  locales: { de: { describe: 'Sie haben unsere Tarife zweimal verglichen.' } },
  when: { all: [{ page: '/pricing*' }, { signal: 'back_forth', atLeast: 2, within: '5m' }] },
};
const comparingFile = {
  intents: { comparing },
  rules: [{ id: 'compare', when: { all: [{ intent: 'comparing' }, { signal: 'hesitation', target: 'pricing*' }] }, show: help }],
};
const comparingFacts = (over: Partial<Facts> = {}) =>
  baseFacts({ signals: [signal('back_forth', 'page'), signal('back_forth', 'page'), signal('hesitation', 'pricing-table', 8)], ...over });

describe('explain: reasons from the passed conditions, intents included', () => {
  it("names an intent by its describe text, then the strongest signal, and not the intent's own signals again", () => {
    const decision = decideWith(comparingFile, comparingFacts());
    expect(decision.reasons?.map((r) => r.kind)).toEqual(['intent', 'signal']);
    expect(explain(decision)).toBe('You compared our plans twice. You paused on the pricing table for a while.');
  });

  it("uses the intent's describe variant for the visitor's locale, and the default text otherwise", () => {
    expect(explain(decideWith(comparingFile, comparingFacts({ locale: 'de-AT' })), 'de-AT')).toBe(
      'Sie haben unsere Tarife zweimal verglichen. Sie haben eine Weile bei „pricing table“ innegehalten.',
    );
    expect(explain(decideWith(comparingFile, comparingFacts({ locale: 'fr' })), 'fr')).toBe(
      'You compared our plans twice. Vous vous êtes arrêté un moment sur « pricing table ».',
    );
  });

  it('names an intent the runtime listed when it has a describe text', () => {
    const file = { ...comparingFile, rules: [{ id: 'compare', when: { intent: 'comparing' }, show: help }] };
    expect(explain(decideWith(file, baseFacts({ intents: ['comparing'] })))).toBe('You compared our plans twice.');
  });

  it('explains an intent without describe from its own passed conditions: an answer by its field, visits; never the answer or the visited path', () => {
    const file = {
      intents: {
        evaluating: {
          description: 'Marketer note: serious evaluators.',
          when: { all: [{ page: '/account/*' }, { fact: 'visitor.visits', gte: 2 }, { fact: 'profile.company_name', exists: true }] },
        },
      },
      rules: [{ id: 'case-study', when: { intent: 'evaluating' }, show: help }],
    };
    const facts = baseFacts({
      page: { path: '/account/829341' },
      visitor: { returning: true, visits: 3, firstSeen: NOW - 5 * 86_400_000 },
      profile: { company_name: 'Acme Secret Ltd' },
    });
    const decision = decideWith(file, facts);
    const text = explain(decision);
    expect(text).toBe('You answered our question about “company name”. You have visited 3 times.');
    expect(text).not.toContain('Acme');
    expect(text).not.toContain('829341');
    expect(text).not.toContain('Marketer note');
  });

  it('explains a returning visitor by the visit count observed', () => {
    const file = { rules: [{ id: 'r', when: { fact: 'visitor.returning', eq: true }, show: help }] };
    const decision = decideWith(file, baseFacts({ visitor: { returning: true, visits: 5, firstSeen: NOW - 86_400_000 } }));
    expect(decision.reasons).toEqual([{ kind: 'visits', count: 5, path: '$.rules[0].when' }]);
    expect(explain(decision, 'fr')).toBe('Vous êtes venu 5 fois.');
  });

  it('names the page from the rule pattern, in each language', () => {
    const file = { rules: [{ id: 'r', when: { page: '/pricing*' }, show: help }] };
    const decision = decideWith(file, baseFacts({ page: { path: '/pricing-2024-q3' } }));
    expect(explain(decision)).toBe('You looked at the pricing page.');
    expect(explain(decision, 'de')).toBe('Sie haben sich die Seite „pricing“ angesehen.');
    expect(explain(decision, 'es')).toBe('Visitaste la página «pricing».');
  });

  it('names page views from the rule pattern with the count observed, in each language, never the visited path', () => {
    const file = { rules: [{ id: 'r', when: { views: '/pricing*', atLeast: 2, within: '30m' }, show: help }] };
    const views = (n: number) => Array.from({ length: n }, (_, i) => ({ path: `/pricing-2024-q${i + 1}`, at: NOW - i * 60_000 }));
    const twice = decideWith(file, baseFacts({ views: views(2) }));
    expect(twice.reasons).toEqual([{ kind: 'views', pattern: '/pricing*', count: 2, path: '$.rules[0].when' }]);
    expect(explain(twice)).toBe('You viewed the pricing page twice.');
    expect(explain(twice, 'de')).toBe('Sie haben sich die Seite „pricing“ 2-mal angesehen.');
    expect(explain(twice, 'fr')).toBe('Vous avez consulté la page « pricing » 2 fois.');
    expect(explain(twice, 'es')).toBe('Visitaste la página «pricing» 2 veces.');
    expect(explain(twice, 'ar')).toBe('زرت صفحة «\u2068pricing\u2069» مرتين.');
    const thrice = decideWith(file, baseFacts({ views: views(3) }));
    expect(explain(thrice)).toBe('You viewed the pricing page 3 times.');
    expect(explain(thrice, 'ar')).toBe('زرت صفحة «\u2068pricing\u2069» 3 مرات.');
    for (const locale of ['en', 'de', 'fr', 'es', 'ar']) expect(explain(thrice, locale)).not.toContain('2024');
  });

  it('reads one view like the page, and names a page matched by both page and views once', () => {
    const once = decideWith(
      { rules: [{ id: 'r', when: { views: '/pricing*' }, show: help }] },
      baseFacts({ views: [{ path: '/pricing', at: NOW }] }),
    );
    expect(explain(once)).toBe('You looked at the pricing page.');
    const both = decideWith(
      { rules: [{ id: 'r', when: { all: [{ page: '/pricing*' }, { views: '/pricing', atLeast: 2 }] }, show: help }] },
      baseFacts({
        views: [
          { path: '/pricing', at: NOW - 60_000 },
          { path: '/pricing', at: NOW },
        ],
      }),
    );
    expect(both.reasons).toEqual([
      { kind: 'page', pattern: '/pricing*', path: '$.rules[0].when.all[0]' },
      { kind: 'views', pattern: '/pricing', count: 2, path: '$.rules[0].when.all[1]' },
    ]);
    expect(explain(both)).toBe('You viewed the pricing page twice.');
  });

  it('names time on the page once for dwell and idle lower bounds that passed, and nothing from not, none or a failed branch', () => {
    const file = {
      rules: [
        {
          id: 'r',
          when: {
            all: [
              { fact: 'dwell', gt: '30s' },
              { not: { page: '/checkout*' } },
              { none: [{ fact: 'form.state', eq: 'submitted' }] },
              { any: [{ signal: 'rage_click' }, { fact: 'idle', gte: '10s' }] },
            ],
          },
          show: help,
        },
      ],
    };
    const decision = decideWith(file, baseFacts({ dwell: 45_000, idle: 12_000 }));
    expect(decision.reasons).toEqual([
      { kind: 'dwell', path: '$.rules[0].when.all[0]' },
      { kind: 'dwell', path: '$.rules[0].when.all[3].any[1]' },
    ]);
    expect(explain(decision)).toBe('You have been on this page for a while.');
  });

  it('names neither stage, consent, UTM values nor a short dwell, and names the device and form state by the values observed', () => {
    const file = {
      rules: [
        {
          id: 'r',
          when: {
            all: [
              { fact: 'stage', eq: 'trial' },
              { fact: 'device', eq: 'mobile' },
              { fact: 'consent.help', eq: 'granted' },
              { fact: 'page.utm.utm_source', eq: 'newsletter' },
              { fact: 'form.state', eq: 'errors' },
              { fact: 'dwell', lt: '10s' },
            ],
          },
          show: help,
        },
      ],
    };
    const facts = baseFacts({
      stage: 'trial',
      device: 'mobile',
      consent: { help: 'granted' },
      page: { path: '/pricing', utm: { utm_source: 'newsletter' } },
      form: { state: 'errors' },
      dwell: 2000,
    });
    const decision = decideWith(file, facts);
    expect(decision.reasons).toEqual([
      { kind: 'device', device: 'mobile', path: '$.rules[0].when.all[1]' },
      { kind: 'form', state: 'errors', path: '$.rules[0].when.all[4]' },
    ]);
    expect(explain(decision)).toBe('The form showed an error. You are using a phone.');
    expect(explain({ ...decision, reasons: [] })).toBe('We thought this might help.');
  });

  it('keeps the two strongest reasons: struggle, then an answer, before time and visits, and one sentence per signal target', () => {
    const file = {
      rules: [
        {
          id: 'r',
          when: {
            all: [
              { fact: 'visitor.visits', gte: 2 },
              { fact: 'dwell', gt: '1m' },
              { fact: 'profile.role', in: ['developer', 'designer'] },
              { signal: 'form_error', target: '#vat', within: '1m' },
              { signal: 'form_error', target: '#vat', within: '10m' },
            ],
          },
          show: help,
        },
      ],
    };
    const facts = baseFacts({
      visitor: { returning: true, visits: 4, firstSeen: NOW - 86_400_000 },
      dwell: 120_000,
      form: { state: 'errors', errors: 1 },
      profile: { role: 'developer' },
      signals: [signal('form_error', '#vat', 1, 5 * 60_000), signal('form_error', '#vat')],
    });
    expect(explain(decideWith(file, facts))).toBe('The form showed an error 2 times. You answered our question about “role”.');
  });

  it("still prefers the rule's because over any reason", () => {
    const file = { ...comparingFile, rules: [{ ...comparingFile.rules[0], because: 'You seem to be weighing plans.' }] };
    expect(explain(decideWith(file, comparingFacts()))).toBe('You seem to be weighing plans.');
  });
});

describe('describePage', () => {
  it('names a page from the last word-like segment of a pattern and never from an id', () => {
    expect(describePage('/pricing*', 'en')).toBe('the pricing page');
    expect(describePage('/docs/**', 'en')).toBe('the docs page');
    expect(describePage('/help/getting-started', 'fr')).toBe('« getting started »');
    expect(describePage('/orders/1234567', 'en')).toBe('the orders page');
    expect(describePage('/u/a1b2c3/*', 'en')).toBeNull();
    expect(describePage('/*', 'en')).toBeNull();
    expect(describePage('/12345/*', 'en')).toBeNull();
  });
});
