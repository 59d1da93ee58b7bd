import { TONE_PATTERNS, type ToneCategory } from './tone-patterns';

/** One phrase that a tone category flags, as written in the text. */
export interface TonePhrase {
  category: ToneCategory;
  phrase: string;
}

// `\b` only knows ASCII letters, so "dernière chance" or Arabic would never have a boundary.
const bounded = (source: string) => new RegExp(`(?<![\\p{L}\\p{N}_])(?:${source})(?![\\p{L}\\p{N}_])`, 'giu');

let compiled: [ToneCategory, RegExp[]][] | undefined;
const patterns = () =>
  (compiled ??= (Object.keys(TONE_PATTERNS) as ToneCategory[]).map((category) => [category, TONE_PATTERNS[category].map(bounded)]));

/**
 * Every phrase in `text` that a tone category flags: false scarcity, countdown urgency and
 * guilt or fear always, and sensitive personal data when the text is a profiling question.
 * Overlapping matches of one category merge into one phrase; distinct phrases each count.
 *
 * @example findTonePhrases('Just 2 spots remain. Hurry!') // [{ category: 'false-scarcity', phrase: 'Just 2 spots remain' }, { category: 'countdown-urgency', phrase: 'Hurry' }]
 */
export function findTonePhrases(text: string, options: { question?: boolean } = {}): TonePhrase[] {
  const normal = text.normalize('NFKC').replace(/[\u2018\u2019\u02bc]/g, "'");
  const found: TonePhrase[] = [];
  for (const [category, regexes] of patterns()) {
    if (category === 'sensitive-data' && !options.question) continue;
    const spans: [number, number][] = [];
    for (const re of regexes) for (const m of normal.matchAll(re)) spans.push([m.index, m.index + m[0].length]);
    spans.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const [from, to] of spans) {
      const last = merged[merged.length - 1];
      if (last && from < last[1]) last[1] = Math.max(last[1], to);
      else merged.push([from, to]);
    }
    for (const [from, to] of merged) found.push({ category, phrase: normal.slice(from, to) });
  }
  return found;
}
