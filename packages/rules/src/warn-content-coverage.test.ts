import { describe, expect, it } from 'vitest';
import { validateRules } from './validate-rules';

const link = (i: number) => ({ label: `Guide ${i}`, href: `/guide/${i}` });
const rule = (show: Record<string, unknown>) => ({ rules: [{ id: 'r', when: { page: '/*' }, show }] });

describe('validateRules: content a visitor would not see as written', () => {
  it('warns when a card has more links than it shows, naming how many are lost', () => {
    const result = validateRules(rule({ type: 'help', title: 'Plans', body: 'Here.', links: [1, 2, 3, 4, 5].map(link) }));
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => [w.path, w.code])).toEqual([['$.rules[0].show.links', 'links_not_shown']]);
    expect(result.warnings[0].message).toContain('5 links, but a card shows only the first 3');
  });

  it('says nothing about three links', () => {
    expect(validateRules(rule({ type: 'help', title: 'Plans', body: 'Here.', links: [1, 2, 3].map(link) })).warnings).toEqual([]);
  });

  it('warns when a locale variant leaves out a text the default has, once per text', () => {
    const result = validateRules(
      rule({
        type: 'help',
        title: 'Plans',
        body: 'Here.',
        links: [link(1)],
        locales: { de: { title: 'Tarife' }, fr: { title: 'Offres', body: 'Ici.', links: [link(1)] } },
      }),
    );
    expect(result.warnings.map((w) => [w.path, w.code, w.message])).toEqual([
      [
        '$.rules[0].show.locales.de',
        'variant_missing_text',
        'the `de` translation has no `body`, so visitors reading `de` see that text untranslated. Translate it too.',
      ],
      [
        '$.rules[0].show.locales.de',
        'variant_missing_text',
        'the `de` translation has no `links`, so visitors reading `de` see that text untranslated. Translate it too.',
      ],
    ]);
  });

  it('points at the rule where it stands in the file, not where priority sorted it', () => {
    const result = validateRules({
      rules: [
        { id: 'a', when: { page: '/*' }, show: { type: 'help', title: 'A', body: 'A.' } },
        {
          id: 'b',
          priority: 5,
          when: { page: '/*' },
          show: { type: 'ask', field: 'role', question: 'Role?', locales: { es: { because: 'x' } } },
        },
      ],
    });
    expect(result.warnings.map((w) => w.path)).toEqual(['$.rules[1].show.locales.es']);
  });
});
