import { describe, expect, it } from 'vitest';
import { validateKnowledge } from './validate-knowledge';

const article = (extra: Record<string, unknown> = {}) => ({
  id: 'vat-format',
  title: 'Entering a VAT number',
  url: 'https://help.example/vat',
  answer: 'Start with the two-letter country code, then the digits, without spaces.',
  tags: ['vat', 'billing'],
  pages: ['/checkout*'],
  targets: ['vat*', '#vat'],
  ...extra,
});
const without = (...keys: string[]) => Object.fromEntries(Object.entries(article()).filter(([k]) => !keys.includes(k)));

describe('validateKnowledge', () => {
  it('keeps valid articles in file order', () => {
    const result = validateKnowledge({
      version: 1,
      articles: [article(), { ...without('pages', 'targets'), id: 'refunds', tags: ['refund'] }],
    });
    expect([result.ok, result.errors, result.warnings]).toEqual([true, [], []]);
    expect(result.articles!.map((a) => a.id)).toEqual(['vat-format', 'refunds']);
    expect(result.articles![1]).not.toHaveProperty('pages');
  });

  it('names the JSON path of each problem and leaves only the bad article out', () => {
    const result = validateKnowledge({
      articles: [
        article({ url: 'javascript:alert(1)' }),
        article({ id: 'b', title: '' }),
        article({ id: 'c', tags: 'vat' }),
        article({ id: 'd', pages: [''] }),
        article({ id: 'e', summary: 'x' }),
        article({ id: 'f', url: 'mailto:help@example.com' }),
        article({ id: 'vat-format' }),
        article({ id: 'ok' }),
      ],
    });
    expect(result.ok).toBe(true);
    expect(result.errors.map((e) => [e.path, e.code])).toEqual([
      ['$.articles[0].url', 'unsafe_href'],
      ['$.articles[1].title', 'empty_text'],
      ['$.articles[2].tags', 'bad_tags'],
      ['$.articles[3].pages', 'bad_globs'],
      ['$.articles[4].summary', 'unknown_field'],
      ['$.articles[5].url', 'unsafe_href'],
    ]);
    // The first vat-format was refused, so the later one is not a duplicate.
    expect(result.articles!.map((a) => a.id)).toEqual(['vat-format', 'ok']);
    expect(validateKnowledge({ articles: [article(), article()] }).errors).toEqual([
      expect.objectContaining({ path: '$.articles[1].id', code: 'duplicate_article' }),
    ]);
  });

  it('refuses a file without a usable articles list', () => {
    expect(validateKnowledge([])).toMatchObject({ ok: false, articles: null, errors: [{ path: '$', code: 'knowledge_not_object' }] });
    expect(validateKnowledge({ articles: [] })).toMatchObject({ ok: false, errors: [{ path: '$.articles', code: 'articles_not_list' }] });
    expect(validateKnowledge({ articles: [article()], extra: 1 }).errors).toEqual([
      expect.objectContaining({ path: '$.extra', code: 'unknown_field' }),
    ]);
  });

  it('warns about an article nothing can match', () => {
    const result = validateKnowledge({ articles: [without('tags', 'pages', 'targets')] });
    expect(result.warnings).toEqual([expect.objectContaining({ path: '$.articles[0]', code: 'article_unreachable' })]);
  });
});
