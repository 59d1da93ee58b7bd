import { describe, expect, it } from 'vitest';
import { lintRules } from './lint-rules';
import type { CompiledRules } from './types';
import { validateRules } from './validate-rules';

const compile = (show: Record<string, unknown>, extra: Record<string, unknown> = {}): CompiledRules => {
  const result = validateRules({ rules: [{ id: 'r', when: { page: '/*' }, show, ...extra }] });
  expect(result.errors).toEqual([]);
  return result.rules as CompiledRules;
};
const help = (title: string, body = 'Every plan includes unlimited projects.') => compile({ type: 'help', title, body });
const ask = (question: string, field = 'role') => compile({ type: 'ask', field, question });
const kinds = (rules: CompiledRules) => lintRules(rules).map((i) => `${i.path} ${i.message.split(':')[0]}`);

describe('lintRules', () => {
  it('passes calm, short, honest content', () => {
    expect(lintRules(help('Comparing plans?'))).toEqual([]);
    expect(lintRules(ask('What best describes your role?'))).toEqual([]);
  });

  it('flags false scarcity, countdown urgency and guilt or fear, each by its category', () => {
    const cases: [string, string][] = [
      ['Just 2 spots remain', 'false-scarcity'],
      ['Only 2 left!', 'false-scarcity'],
      ['Nur noch 3 Plätze', 'false-scarcity'],
      ['Sale closes in 10 minutes', 'countdown-urgency'],
      ['Offer ends in 10:00:00', 'countdown-urgency'],
      ['Act now', 'countdown-urgency'],
      ['Last chance to save', 'countdown-urgency'],
      ["You'll regret leaving without it", 'guilt-fear'],
      ["Don't miss out", 'guilt-fear'],
    ];
    for (const [text, kind] of cases) expect(kinds(help(text)), text).toContain(`$.rules[0].show.title ${kind}`);
  });

  it('reports every phrase a field holds, not only the first', () => {
    const found = lintRules(help('Comparing plans?', 'Just 2 spots remain. Hurry, the sale closes in 10 minutes. Last chance!'));
    expect(found.map((i) => i.message.split(':')[0])).toEqual([
      'false-scarcity',
      'countdown-urgency',
      'countdown-urgency',
      'countdown-urgency',
    ]);
    expect(found.map((i) => /"([^"]+)"/.exec(i.message)?.[1])).toEqual([
      'Just 2 spots remain',
      'Hurry',
      'sale closes in 10 minutes',
      'Last chance',
    ]);
  });

  it('leaves reassurance alone: no hurry, nothing lost, two steps to go', () => {
    for (const text of [
      "Take your time, there's no hurry.",
      "You won't lose your work if you leave.",
      'Only 2 steps to set up your workspace.',
    ]) {
      expect(kinds(help('Comparing plans?', text)), text).toEqual([]);
    }
  });

  it('flags shouting: all caps and strings of exclamation marks', () => {
    expect(kinds(help('FREE UPGRADE today'))).toContain('$.rules[0].show.title shouting');
    expect(kinds(help('Great news!!'))).toContain('$.rules[0].show.title shouting');
    expect(kinds(help('Try our FAQ and API docs'))).toEqual([]);
  });

  it('flags questions that ask for sensitive data, in the text or the field name', () => {
    expect(kinds(ask('What is your password?'))).toContain('$.rules[0].show.question sensitive-data');
    expect(kinds(ask('Which card number do you use?'))).toContain('$.rules[0].show.question sensitive-data');
    expect(kinds(ask('Any health conditions we should know about?'))).toContain('$.rules[0].show.question sensitive-data');
    expect(kinds(ask('Which one?', 'national_id'))).toContain('$.rules[0].show.field sensitive-data');
    expect(kinds(ask('Which one?', 'annualSalary'))).toContain('$.rules[0].show.field sensitive-data');
  });

  it('flags money and identity questions: salary, income, budget, debt, date of birth, phone number', () => {
    for (const q of [
      'What is your salary?',
      'What is your household income?',
      'What budget do you have?',
      'Do you have any debt?',
      'What is your date of birth?',
      "What's your phone number?",
    ]) {
      expect(kinds(ask(q)), q).toContain('$.rules[0].show.question sensitive-data');
    }
    expect(kinds(help('Budget tracking', 'Budget tracking is part of the Finance add-on.'))).toEqual([]);
  });

  it('flags a profiling question that asks for two things at once', () => {
    expect(kinds(ask('What is your role and how big is your team?'))).toContain('$.rules[0].show.question double-question');
    expect(kinds(ask('What is your role? How big is your team?'))).toContain('$.rules[0].show.question double-question');
  });

  it('flags help text too long to read at a glance', () => {
    expect(kinds(help('A title that goes on and on well past what anyone reads at a glance'))).toContain('$.rules[0].show.title too-long');
    expect(kinds(help('Plans', Array.from({ length: 50 }, () => 'word').join(' ')))).toContain('$.rules[0].show.body too-long');
  });

  it('flags markup, which is shown as text', () => {
    expect(kinds(help('<b>Need help?</b>'))).toContain('$.rules[0].show.title markup');
  });

  it('checks locale variants and points into them', () => {
    const rules = compile({
      type: 'help',
      title: 'Comparing plans?',
      body: 'Every plan includes unlimited projects.',
      locales: { de: { title: 'LETZTE CHANCE' } },
    });
    expect(kinds(rules)).toEqual(['$.rules[0].show.locales.de.title countdown-urgency', '$.rules[0].show.locales.de.title shouting']);
  });

  it('reports warnings by default and errors when strict', () => {
    const rules = help('Act now');
    expect(lintRules(rules).map((i) => i.severity)).toEqual(['warning']);
    expect(lintRules(rules, { strict: true }).map((i) => i.severity)).toEqual(['error']);
  });

  it("uses the rule's position in the source file", () => {
    const result = validateRules({
      rules: [
        { id: 'a', when: { page: '/*' }, show: { type: 'help', title: 'Fine', body: 'Fine.' } },
        { id: 'b', priority: 9, when: { page: '/*' }, show: { type: 'help', title: 'Act now', body: 'Fine.' } },
      ],
    });
    expect(lintRules(result.rules!).map((i) => i.path)).toEqual(['$.rules[1].show.title']);
  });
});

describe('lintRules: intent describe texts', () => {
  it('checks the tone of an intent describe text and its locale variants', () => {
    const result = validateRules({
      intents: {
        comparing: {
          describe: 'Last chance!! You compared plans.',
          locales: { fr: { describe: 'Dernière chance : vous avez comparé.' } },
          when: { page: '/pricing*' },
        },
      },
      rules: [
        { id: 'r', when: { intent: 'comparing' }, show: { type: 'help', title: 'Comparing plans?', body: 'Here is how they differ.' } },
      ],
    });
    expect(result.errors).toEqual([]);
    expect(kinds(result.rules!)).toEqual([
      '$.intents.comparing.describe countdown-urgency',
      '$.intents.comparing.describe shouting',
      '$.intents.comparing.locales.fr.describe countdown-urgency',
    ]);
    expect(lintRules(result.rules!, { strict: true }).every((i) => i.severity === 'error')).toBe(true);
  });
});
