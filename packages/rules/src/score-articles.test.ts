import { describe, expect, it } from 'vitest';
import { ARTICLE_POINTS, pickArticle, scoreArticle } from './score-articles';
import type { KnowledgeArticle } from './types';

const base = { url: '/help', answer: 'An answer.' };
const vat: KnowledgeArticle = { ...base, id: 'vat', title: 'VAT', tags: ['vat', 'form_error'], pages: ['/checkout*'], targets: ['vat*'] };
const billing: KnowledgeArticle = { ...base, id: 'billing', title: 'Billing', tags: ['billing'] };
const pricing: KnowledgeArticle = { ...base, id: 'pricing', title: 'Plans', pages: ['/pricing'], targets: ['#plans'] };
const query = { page: '/checkout/pay', evidence: [{ signal: 'form_error' as const, target: 'vat_number' }] };

describe('scoreArticle', () => {
  it('adds the documented points: page, target, signal tag and target word', () => {
    expect(scoreArticle(vat, query)).toBe(
      ARTICLE_POINTS.page + ARTICLE_POINTS.target + ARTICLE_POINTS.signalTag + ARTICLE_POINTS.targetWord,
    );
  });

  it('rules out an article whose pages do not match, and gives action tags 2 points each', () => {
    expect(scoreArticle(pricing, query)).toBeNull();
    expect(scoreArticle(billing, query)).toBe(0);
    expect(scoreArticle(billing, { ...query, tags: ['billing'] })).toBe(ARTICLE_POINTS.actionTag);
    expect(scoreArticle({ ...billing, tags: ['fixing_form_errors'] }, { ...query, intent: 'fixing_form_errors' })).toBe(
      ARTICLE_POINTS.signalTag,
    );
  });
});

describe('pickArticle', () => {
  it('picks the highest score, the earlier article on a tie, and nothing when all score 0', () => {
    expect(pickArticle([billing, vat, pricing], query)).toEqual({ article: vat, score: 10 });
    const twin = { ...vat, id: 'vat-2' };
    expect(pickArticle([twin, vat], query)!.article.id).toBe('vat-2');
    expect(pickArticle([billing, pricing], query)).toBeNull();
  });
});
