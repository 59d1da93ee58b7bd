import { checkKnowledgeFile, pickArticle, type Decision, type KnowledgeArticle } from '@attune/rules';
import type { Logger } from '@attune/core';

/**
 * Fetches and validates the rules file's knowledge file (`knowledge`, resolved against the rules
 * file's URL). Problems are logged once with their JSON path; an unusable file gives no articles,
 * so help shows its own text.
 *
 * @example await loadKnowledge('help-articles.json', 'https://shop.example/attune-rules.json', window, log)
 */
export const loadKnowledge = async (
  ref: string | undefined,
  where: string,
  win: Window & typeof globalThis,
  log: Logger,
): Promise<KnowledgeArticle[]> => {
  if (!ref) return [];
  try {
    const url = new URL(ref, new URL(where, win.location.href)).href;
    const res = await win.fetch(url, { credentials: 'same-origin' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const result = checkKnowledgeFile(await res.json(), (code) => code);
    for (const issue of result.errors) log.warn(`knowledge ${url}: ${issue.path}: ${issue.message}; run \`attune validate\` for details`);
    return result.articles ?? [];
  } catch (error) {
    log.warn(`knowledge file ${ref} could not be read; help from articles shows its own text`, error);
    return [];
  }
};

/**
 * A help decision that takes its text `from` articles, with the best article for the page and the
 * evidence (see `pickArticle` and docs/handoff.md): its short answer as the body and a link to it
 * under its own title, before the card's own links. Unchanged when no article scores above 0.
 *
 * @example withArticle(decision, articles, '/checkout')
 */
export const withArticle = (decision: Decision, articles: readonly KnowledgeArticle[], page: string): Decision => {
  const action = decision.action;
  if (action.type !== 'help' || action.from !== 'articles') return decision;
  const best = pickArticle(articles, { page, evidence: decision.evidence, tags: action.tags });
  if (!best) return decision;
  const { article } = best;
  return {
    ...decision,
    action: { ...action, body: article.answer, links: [{ label: article.title, href: article.url }, ...(action.links ?? [])].slice(0, 5) },
  };
};
