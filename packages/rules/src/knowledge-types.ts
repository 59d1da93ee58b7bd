// A site's knowledge file: the help articles a `help` action `from: "articles"` can show.
import type { RuleIssue } from './rule-types';

/** One help article of a knowledge file: what a `help` action `from: "articles"` can show. */
export interface KnowledgeArticle {
  /** Unique within the file; letters, digits, `_`, `-`, `.`. */
  id: string;
  /** Shown as the card's title (at most 120 characters). */
  title: string;
  /** The full article (safe schemes only), linked from the card as "Read the article". */
  url: string;
  /** The short answer the card shows (at most 500 characters). */
  answer: string;
  /** Words that describe it: matched against a rule's `tags`, the signals, the intent and the words of the struggle's targets. */
  tags?: string[];
  /** Page globs it is about; an article with `pages` is never offered elsewhere. */
  pages?: string[];
  /** Target globs (selectors or `data-attune` labels, such as `#vat*` or `vat_number`) it explains. */
  targets?: string[];
}

/** What `validateKnowledge` found. */
export interface KnowledgeResult {
  ok: boolean;
  /** The valid articles in file order, or `null` when the file is unusable. */
  articles: KnowledgeArticle[] | null;
  errors: RuleIssue[];
  warnings: RuleIssue[];
}
