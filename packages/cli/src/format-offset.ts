/**
 * Milliseconds since a session started as short text: `+4.2s`, `+2m05s`, `+1h02m`.
 *
 * @example formatOffset(125_000) // '+2m05s'
 */
export function formatOffset(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  if (s < 60) return `+${s.toFixed(1)}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `+${m}m${String(Math.floor(s % 60)).padStart(2, '0')}s`;
  return `+${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
