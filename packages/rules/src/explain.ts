import { describeTarget } from './describe-target';
import { PHRASES, type PhraseBook } from './explain-phrases';
import type { Decision } from './types';

/** Evidence items one explanation names at most: more reads like surveillance, not help. */
const MAX_SENTENCES = 2;

/**
 * The visitor's "Why am I seeing this?" text in plain language. Uses the rule's `because`
 * (already localized by `evaluate`) when it has one; otherwise builds one sentence from each
 * of the two strongest pieces of evidence, such as "You clicked the pricing table 4 times in
 * a row." Languages: `en` (default), `de`, `fr`, `es`, `ar`; other locales fall back to English.
 *
 * @example explain(decision) // 'You clicked the pricing table 4 times in a row.'
 * @example explain(decision, 'de-AT') // 'Sie haben 4-mal hintereinander auf „pricing table“ geklickt.'
 */
export function explain(decision: Decision, locale?: string): string {
  if (typeof decision?.because === 'string' && decision.because.trim() !== '') return decision.because;
  const wanted = typeof locale === 'string' ? (locale.toLowerCase().split(/[-_]/)[0] as string) : 'en';
  const language = Object.prototype.hasOwnProperty.call(PHRASES, wanted) ? wanted : 'en';
  const book = PHRASES[language] as PhraseBook;
  const evidence = [...(decision?.evidence ?? [])]
    .filter((e) => Object.prototype.hasOwnProperty.call(book.signals, e.signal))
    .sort((a, b) => b.count - a.count)
    .slice(0, MAX_SENTENCES);
  if (evidence.length === 0) return book.fallback;
  return evidence
    .map((e) => book.signals[e.signal](describeTarget(e.target, language), e.count, e.occurrences ?? 1))
    .join(' ');
}
