/** Edit distance between two short strings (Levenshtein, two rows). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * The closest known name to a misspelled one, or `null` when nothing is close enough
 * (an edit distance of at most a third of the longer name, and at least 2 allowed).
 * Case, spaces and hyphens are ignored, so `Rage-Click` suggests `rage_click`.
 *
 * @example didYouMean('rageclick', ['rage_click', 'dead_click']) // 'rage_click'
 */
export function didYouMean(input: string, known: readonly string[]): string | null {
  if (input.length > 64) return null;
  const fold = (s: string) => s.toLowerCase().replace(/[\s_-]/g, '');
  const folded = fold(input);
  let best: string | null = null;
  let bestScore = Infinity;
  for (const name of known) {
    const score = editDistance(folded, fold(name));
    if (score < bestScore) {
      best = name;
      bestScore = score;
    }
  }
  if (best === null) return null;
  const allowed = Math.max(2, Math.floor(Math.max(folded.length, best.length) / 3));
  return bestScore <= allowed ? best : null;
}

/**
 * A sentence tail naming the closest known name: `" Did you mean `rage_click`?"`, or `""`.
 *
 * @example `unknown signal \`rageclik\`.${suggest('rageclik', SIGNAL_TYPES)}`
 */
export function suggest(input: string, known: readonly string[]): string {
  const best = didYouMean(input, known);
  return best === null ? '' : ` Did you mean \`${best}\`?`;
}
