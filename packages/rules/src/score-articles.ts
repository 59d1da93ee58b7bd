import { globMatch } from './glob-match';
import type { Evidence, KnowledgeArticle } from './types';

/** What a struggle looks like to the article score. */
export interface ArticleQuery {
  /** The page path. */
  page: string;
  /** The decision's evidence: signals with their targets. */
  evidence: readonly Pick<Evidence, 'signal' | 'target'>[];
  /** The intent the rule matched on or the handoff inferred, if any. */
  intent?: string;
  /** The `help` action's own `tags`. */
  tags?: readonly string[];
}

/** The points each kind of match is worth (documented in docs/handoff.md, which a test keeps equal). */
export const ARTICLE_POINTS = {
  /** One of the article's `pages` globs matches the page. An article with `pages` that match none is never offered. */
  page: 3,
  /** Per evidence target that one of the article's `targets` globs matches. */
  target: 5,
  /** Per article tag among the action's `tags`. */
  actionTag: 2,
  /** Per article tag equal to an evidence signal name or the intent. */
  signalTag: 1,
  /** Per article tag equal to a word of an evidence target (`input[name=vat_number]` has the words input, name, vat, number). */
  targetWord: 1,
} as const;

const words = (target: string) =>
  target
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/**
 * Scores one article for a struggle, or `null` when its `pages` rule it out. Deterministic and
 * cheap: glob matches and set lookups, no text model. See {@link ARTICLE_POINTS}.
 *
 * @example scoreArticle({ id: 'vat', title: 'VAT numbers', url: '/help/vat', answer: '…', targets: ['vat*'] }, { page: '/checkout', evidence: [{ signal: 'form_error', target: 'vat_number' }] }) // 5
 */
export function scoreArticle(article: KnowledgeArticle, query: ArticleQuery): number | null {
  let score = 0;
  if (article.pages?.length) {
    if (!article.pages.some((glob) => globMatch(glob, query.page))) return null;
    score += ARTICLE_POINTS.page;
  }
  const targets = [...new Set(query.evidence.map((e) => e.target).filter((t): t is string => typeof t === 'string' && t !== ''))];
  if (article.targets?.length) {
    for (const target of targets) if (article.targets.some((glob) => globMatch(glob, target))) score += ARTICLE_POINTS.target;
  }
  if (article.tags?.length) {
    const actionTags = new Set(query.tags ?? []);
    const signalTags = new Set<string>(query.evidence.map((e) => e.signal));
    if (query.intent) signalTags.add(query.intent);
    const targetWords = new Set(targets.flatMap(words));
    for (const tag of article.tags) {
      if (actionTags.has(tag)) score += ARTICLE_POINTS.actionTag;
      if (signalTags.has(tag)) score += ARTICLE_POINTS.signalTag;
      if (targetWords.has(tag.toLowerCase())) score += ARTICLE_POINTS.targetWord;
    }
  }
  return score;
}

/**
 * The best article for a struggle: the highest score above 0, the earlier article in the file
 * on a tie; `null` when none scores above 0 (the action's own text shows instead).
 *
 * @example pickArticle(articles, { page: '/checkout', evidence: decision.evidence, tags: ['billing'] })?.article.url
 */
export function pickArticle(
  articles: readonly KnowledgeArticle[],
  query: ArticleQuery,
): { article: KnowledgeArticle; score: number } | null {
  let best: { article: KnowledgeArticle; score: number } | null = null;
  for (const article of articles) {
    const score = scoreArticle(article, query);
    if (score !== null && score > 0 && (!best || score > best.score)) best = { article, score };
  }
  return best;
}
