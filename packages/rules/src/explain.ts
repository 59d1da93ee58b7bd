import { describePage, describeTarget } from './describe-target';
import { PHRASES, type PhraseBook } from './explain-phrases';
import type { Decision, Reason } from './types';

/** Reasons one explanation names at most: more reads like surveillance, not help. */
const MAX_SENTENCES = 2;

// Kinds of reason, weakest first: the site's named intent is strongest, then struggle, then what the visitor did,
// then where they came from and what they use. A kind's position in this text is its strength (unknown kinds are -1).
const RANK = 'device source firstVisit page views visits dwell history answer form signal intent';

/** One sentence of an explanation and the JSON path of the passed condition it tells (none for the fallback). */
export interface ExplainedSentence {
  text: string;
  path?: string;
}

const sentence = (reason: Reason, book: PhraseBook, language: string): string | null | undefined => {
  const f = book.facts;
  switch (reason.kind) {
    case 'intent':
      return reason.text;
    case 'signal':
      return book.signals[reason.signal]?.(describeTarget(reason.target, language), reason.count, reason.occurrences ?? 1);
    case 'answer':
      return f.answer(describeTarget(reason.field, language));
    case 'visits':
      return f.visits(reason.count);
    case 'page':
    case 'views': {
      const name = describePage(reason.pattern, language);
      return name && (reason.kind === 'views' && reason.count > 1 ? f.views(name, reason.count) : f.page(name));
    }
    case 'dwell':
      return f.dwell;
    case 'form':
      return (f.form as Readonly<Record<string, string>>)[reason.state];
    case 'source':
      return f.source[reason.referrer];
    case 'device':
      return f.device[reason.device];
    case 'history':
      return f.history[reason.was];
    case 'firstVisit':
      return reason.days >= 1 ? f.firstVisit(Math.floor(reason.days)) : null;
  }
  return null;
};

const bookFor = (locale: string | undefined): [PhraseBook, string] => {
  const wanted = typeof locale === 'string' ? (locale.toLowerCase().split(/[-_]/)[0] as string) : 'en';
  const language = Object.prototype.hasOwnProperty.call(PHRASES, wanted) ? wanted : 'en';
  return [PHRASES[language] as PhraseBook, language];
};

/**
 * The sentences of `explain` without the rule's `because`, each with the JSON path of the
 * passed condition it tells: what a test or a debug view checks against the decision's trace.
 * Empty when no reason can be said plainly (then `explain` gives a sentence that claims none).
 *
 * @example explainSentences(decision) // [{ text: 'You are using a phone.', path: '$.rules[0].when.all[1]' }]
 */
export function explainSentences(decision: Decision, locale?: string): ExplainedSentence[] {
  const [book, language] = bookFor(locale);
  const strength = (r: Reason) => RANK.indexOf(r.kind) * 1e9 + ('count' in r ? r.count : 0);
  // Array.prototype.sort is stable: equal reasons keep the trace order.
  const said = new Map<string, ExplainedSentence>();
  const named = new Set<string>();
  for (const reason of [...(decision?.reasons ?? [])].sort((a, b) => strength(b) - strength(a))) {
    // Two conditions over the same signals (different windows), or over the same page (`page` and
    // `views`), name them once, the strongest.
    const key =
      reason.kind === 'signal' ? reason.signal + reason.target : 'pattern' in reason ? (describePage(reason.pattern, language) ?? '') : '';
    const text = said.size < MAX_SENTENCES && !named.has(key) && sentence(reason, book, language);
    if (key) named.add(key);
    if (text && !said.has(text)) said.set(text, reason.path === undefined ? { text } : { text, path: reason.path });
  }
  return [...said.values()];
}

/**
 * The visitor's "Why am I seeing this?" text in plain language. Uses the rule's `because`
 * (already localized by `evaluate`) when it has one; otherwise one sentence for each of the two
 * strongest reasons among the conditions that passed: an intent's own `describe` text first,
 * then signals of struggle (strongest first), the form's state, an answer given (named by its field,
 * never its value), time on the page (dwell or idle), visits, page views ("You viewed the pricing page
 * twice."), the page (named from the rule's pattern, never the visited path; a page viewed and matched is
 * named once), days since the first visit, where the visit came from (referrer class), the device.
 * Stage, locale, consent and UTM values are never named. When nothing can be named, a sentence
 * that claims no reason ("We thought this might help."). Languages:
 * `en` (default), `de`, `fr`, `es`, `ar`; other locales fall back to English.
 *
 * @example explain(decision) // 'You compared our plans. You paused on the pricing table for a while.'
 * @example explain(decision, 'de-AT') // 'Sie haben 4-mal hintereinander auf „pricing table“ geklickt.'
 */
export function explain(decision: Decision, locale?: string): string {
  if (typeof decision?.because === 'string' && decision.because.trim() !== '') return decision.because;
  const sentences = explainSentences(decision, locale);
  return sentences.length ? sentences.map((s) => s.text).join(' ') : bookFor(locale)[0].fallback;
}
