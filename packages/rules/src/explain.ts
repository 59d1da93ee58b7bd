import { describePage, describeTarget } from './describe-target';
import { PHRASES, type PhraseBook } from './explain-phrases';
import type { Decision, Reason } from './types';

/** Reasons one explanation names at most: more reads like surveillance, not help. */
const MAX_SENTENCES = 2;

// Kinds of reason, weakest first: the site's named intent is strongest, then struggle, then what the visitor did.
// A kind's position in this text is its strength (unknown kinds are -1, the weakest).
const RANK = 'page views visits dwell answer signal intent';

const sentence = (reason: Reason, book: PhraseBook, language: string): string | null | undefined => {
  const f = book.facts;
  switch (reason.kind) {
    case 'intent': return reason.text;
    case 'signal': return book.signals[reason.signal]?.(describeTarget(reason.target, language), reason.count, reason.occurrences ?? 1);
    case 'answer': return f.answer(describeTarget(reason.field, language));
    case 'visits': return f.visits(reason.count);
    case 'page':
    case 'views': {
      const name = describePage(reason.pattern, language);
      return name && (reason.kind === 'views' && reason.count > 1 ? f.views(name, reason.count) : f.page(name));
    }
    case 'dwell': return f.dwell;
  }
  return null;
};

/**
 * The visitor's "Why am I seeing this?" text in plain language. Uses the rule's `because`
 * (already localized by `evaluate`) when it has one; otherwise one sentence for each of the two
 * strongest reasons among the conditions that passed: an intent's own `describe` text first,
 * then signals of struggle (strongest first), an answer given (named by its field,
 * never its value), time on the page (dwell or idle), visits, page views ("You viewed the pricing page
 * twice."), the page (named from the rule's pattern, never the visited path; a page viewed and matched is named once). A decision without `reasons` gets a general sentence. Languages:
 * `en` (default), `de`, `fr`, `es`, `ar`; other locales fall back to English.
 *
 * @example explain(decision) // 'You compared our plans. You paused on the pricing table for a while.'
 * @example explain(decision, 'de-AT') // 'Sie haben 4-mal hintereinander auf „pricing table“ geklickt.'
 */
export function explain(decision: Decision, locale?: string): string {
  if (typeof decision?.because === 'string' && decision.because.trim() !== '') return decision.because;
  const wanted = typeof locale === 'string' ? (locale.toLowerCase().split(/[-_]/)[0] as string) : 'en';
  const language = Object.prototype.hasOwnProperty.call(PHRASES, wanted) ? wanted : 'en';
  const book = PHRASES[language] as PhraseBook;
  const strength = (r: Reason) => RANK.indexOf(r.kind) * 1e9 + ('count' in r ? r.count : 0);
  // Array.prototype.sort is stable: equal reasons keep the trace order.
  const said = new Set<string>();
  const named = new Set<string>();
  for (const reason of [...(decision?.reasons ?? [])].sort((a, b) => strength(b) - strength(a))) {
    // Two conditions over the same signals (different windows), or over the same page (`page` and
    // `views`), name them once, the strongest.
    const key = reason.kind === 'signal' ? reason.signal + reason.target : 'pattern' in reason ? describePage(reason.pattern, language) ?? '' : '';
    const text = said.size < MAX_SENTENCES && !named.has(key) && sentence(reason, book, language);
    if (key) named.add(key);
    if (text) said.add(text);
  }
  return said.size ? [...said].join(' ') : book.fallback;
}
