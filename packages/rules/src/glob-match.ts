import type { MatchBudget } from './match-budget';

const QUESTION = 63;

// `?` matches any one character; anything else only itself.
function matchAt(segment: string, text: string, at: number): boolean {
  for (let i = 0; i < segment.length; i++) {
    const c = segment.charCodeAt(i);
    if (c !== QUESTION && c !== text.charCodeAt(at + i)) return false;
  }
  return true;
}

/**
 * The end of the leftmost occurrence of `segment` in `text[from, to)`, or -1, by bit-parallel
 * Shift-And: one machine word per 32 characters of the segment, each text character read once.
 */
function findSegment(segment: string, text: string, from: number, to: number, steps: { n: number }): number {
  const length = segment.length;
  const words = (length + 31) >> 5;
  const wild = new Uint32Array(words);
  const masks = new Map<number, Uint32Array>();
  for (let i = 0; i < length; i++) {
    if (segment.charCodeAt(i) === QUESTION) wild[i >> 5]! |= 1 << (i & 31);
  }
  for (let i = 0; i < length; i++) {
    const c = segment.charCodeAt(i);
    if (c === QUESTION) continue;
    let mask = masks.get(c);
    if (!mask) masks.set(c, (mask = wild.slice()));
    mask[i >> 5]! |= 1 << (i & 31);
  }
  const state = new Uint32Array(words);
  const last = (length - 1) >> 5;
  const bit = 1 << ((length - 1) & 31);
  for (let t = from; t < to; t++) {
    const mask = masks.get(text.charCodeAt(t)) ?? wild;
    // Shift the whole bit row left by one, carrying across words from the highest down.
    for (let w = words - 1; w >= 0; w--) state[w] = ((state[w]! << 1) | (w > 0 ? state[w - 1]! >>> 31 : 1)) & mask[w]!;
    if (state[last]! & bit) {
      steps.n += (t - from + 1) * words;
      return t + 1;
    }
  }
  steps.n += (to - from) * words;
  return -1;
}

/**
 * The most steps `globMatch` can take for a pattern and a text length: linear in the text, with one
 * step per character for every 32 pattern characters.
 */
export const globCost = (pattern: string, textLength: number): number => (textLength + 1) * (1 + (pattern.length >> 5)) + pattern.length;

/**
 * Matches text against a glob: `*` stands for any run of characters (slashes included,
 * so `/pricing*` matches `/pricing/enterprise`), `?` for exactly one; everything else is literal.
 * Time linear in the text, whatever the pattern: the text between the first and last `*` is read
 * once, left to right, each piece between stars taking its leftmost match (Shift-And, one word per
 * 32 pattern characters), with no backtracking. With a `budget`, a match whose `globCost` exceeds
 * what is left does not run and returns `false`, leaving the budget spent.
 *
 * @example globMatch('pricing*', 'pricing/plan-pro') // true
 */
export function globMatch(pattern: string, text: string, budget?: MatchBudget): boolean {
  if (budget) {
    const cost = globCost(pattern, text.length);
    if (budget.left < cost) {
      budget.left = -1;
      return false;
    }
  }
  const steps = { n: pattern.length };
  const pieces = pattern.split('*');
  const matched = matchPieces(pieces, text, steps);
  if (budget) budget.left -= steps.n;
  return matched;
}

function matchPieces(pieces: string[], text: string, steps: { n: number }): boolean {
  const first = pieces[0] as string;
  if (pieces.length === 1) return first.length === text.length && matchAt(first, text, 0);
  const last = pieces[pieces.length - 1] as string;
  const end = text.length - last.length;
  if (first.length > end || !matchAt(first, text, 0) || !matchAt(last, text, end)) return false;
  let from = first.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i] as string;
    if (piece === '') continue;
    // The leftmost match leaves the most room for the pieces after it, so it is never wrong.
    from = findSegment(piece, text, from, end, steps);
    if (from < 0) return false;
  }
  return true;
}
