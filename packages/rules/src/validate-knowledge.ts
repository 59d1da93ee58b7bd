import { checkInputLimits } from './input-limits';
import { createIssueReport, type IssueFormatter, type IssueReport } from './issue-report';
import { formatIssueMessage } from './issue-messages';
import { childPath } from './json-path';
import { checkKeys, isObject, own, readText, type JsonObject } from './read-fields';
import { isSafeHref } from './safe-href';
import { readArticleTags } from './read-tags';
import type { KnowledgeArticle, KnowledgeResult } from './types';

/** Articles one knowledge file may hold. */
export const MAX_ARTICLES = 500;
const ID = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
const FILE_KEYS = ['$schema', 'version', 'articles'];
const ARTICLE_KEYS = ['id', 'title', 'url', 'answer', 'tags', 'pages', 'targets'];
const LIMITS = { title: 120, answer: 500, globs: 20, glob: 200 };

function readGlobs(object: JsonObject, key: string, path: string, report: IssueReport): string[] | null | undefined {
  const value = own(object, key);
  if (value === undefined) return undefined;
  if (
    !Array.isArray(value) ||
    value.length > LIMITS.globs ||
    !value.every((g) => typeof g === 'string' && g.trim() !== '' && g.length <= LIMITS.glob)
  ) {
    report.error(childPath(path, key), 'bad_globs', { key, max: LIMITS.globs });
    return null;
  }
  return value as string[];
}

function readArticle(value: unknown, path: string, report: IssueReport): KnowledgeArticle | null {
  if (!isObject(value)) {
    report.error(path, 'article_not_object');
    return null;
  }
  const before = report.errors.length;
  checkKeys(value, ARTICLE_KEYS, path, report, 'an article');
  const id = own(value, 'id');
  if (typeof id !== 'string' || !ID.test(id))
    report.error(childPath(path, 'id'), id === undefined ? 'required' : 'bad_name', { key: id === undefined ? 'id' : 'knowledge article' });
  const title = readText(value, 'title', path, report, { max: LIMITS.title, required: true });
  const answer = readText(value, 'answer', path, report, { max: LIMITS.answer, required: true });
  const url = own(value, 'url');
  if (url === undefined) report.error(childPath(path, 'url'), 'required', { key: 'url' });
  else if (!isSafeHref(url) || /^(mailto|tel):/i.test(url as string)) report.error(childPath(path, 'url'), 'unsafe_href');
  const tags = readArticleTags(value, 'tags', path, report);
  const pages = readGlobs(value, 'pages', path, report);
  const targets = readGlobs(value, 'targets', path, report);
  if (report.errors.length !== before) return null;
  const article: KnowledgeArticle = { id: id as string, title: title as string, url: url as string, answer: answer as string };
  if (tags) article.tags = tags;
  if (pages) article.pages = pages;
  if (targets) article.targets = targets;
  if (!tags?.length && !pages?.length && !targets?.length) report.warn(path, 'article_unreachable');
  return article;
}

function checkKnowledge(input: unknown, report: IssueReport): KnowledgeArticle[] | null {
  const refused = checkInputLimits(input);
  if (refused) {
    report.error(refused.path, refused.code, refused.params);
    return null;
  }
  if (!isObject(input)) {
    report.error('$', 'knowledge_not_object');
    return null;
  }
  checkKeys(input, FILE_KEYS, '$', report, 'the knowledge file');
  const version = own(input, 'version');
  if (version !== undefined && version !== 1)
    report.error('$.version', 'bad_version', { value: String(JSON.stringify(version)).slice(0, 20) });
  const list = own(input, 'articles');
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_ARTICLES) {
    report.error('$.articles', 'articles_not_list', { max: MAX_ARTICLES });
    return null;
  }
  const articles: KnowledgeArticle[] = [];
  const seen = new Set<string>();
  list.forEach((value, index) => {
    const path = childPath('$.articles', index);
    const article = readArticle(value, path, report);
    if (!article) return;
    if (seen.has(article.id)) report.error(childPath(path, 'id'), 'duplicate_article', { id: article.id });
    else {
      seen.add(article.id);
      articles.push(article);
    }
  });
  return articles;
}

/**
 * Validates an untrusted knowledge file (already parsed JSON): `{ "articles": [{ "id", "title",
 * "url", "answer", "tags"?, "pages"?, "targets"? }] }`. Every issue names a JSON path such as
 * `$.articles[3].url`. A bad article is left out with its errors while the others are kept
 * (`ok: true`); a file without a usable `articles` list gives `{ ok: false, articles: null }`.
 * An article nothing can match (no pages, targets or tags) gets a warning. Never throws.
 *
 * @example
 * const result = validateKnowledge(JSON.parse(text));
 * for (const e of result.errors) console.warn(`${e.path}: ${e.message}`);
 */
export function validateKnowledge(input: unknown): KnowledgeResult {
  return checkKnowledgeFile(input, formatIssueMessage);
}

/**
 * `validateKnowledge` with a given message formatter, so the browser's engine chunk can report
 * codes and leave the sentences out.
 *
 * @example checkKnowledgeFile(json, (code) => code).articles
 */
export function checkKnowledgeFile(input: unknown, format: IssueFormatter): KnowledgeResult {
  const report = createIssueReport(format);
  try {
    const articles = checkKnowledge(input, report);
    return { ok: articles !== null, articles, errors: report.errors, warnings: report.warnings };
  } catch {
    const refused = createIssueReport(format);
    refused.error('$', 'refused_unreadable');
    return { ok: false, articles: null, errors: refused.errors, warnings: [] };
  }
}
