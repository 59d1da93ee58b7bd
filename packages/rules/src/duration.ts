const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/**
 * Parses a duration such as `"500ms"`, `"30s"`, `"5m"`, `"2h"`, `"1d"` or `"2w"` into milliseconds.
 * Returns `null` for anything else, including negative or non-finite amounts.
 *
 * @example parseDuration('90s') // 90000
 */
export function parseDuration(text: unknown): number | null {
  if (typeof text !== 'string' || text.length > 20) return null;
  // No trimming: " 30s" is refused, as the JSON Schema refuses it.
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/.exec(text);
  if (!match) return null;
  const ms = Number(match[1]) * (UNIT_MS[match[2] as string] as number);
  return Number.isFinite(ms) ? Math.round(ms) : null;
}

/**
 * Formats milliseconds back into the shortest exact duration text (`90000` → `"90s"`).
 *
 * @example formatDuration(3_600_000) // "1h"
 */
export function formatDuration(ms: number): string {
  for (const unit of ['w', 'd', 'h', 'm', 's'] as const) {
    const size = UNIT_MS[unit] as number;
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}
