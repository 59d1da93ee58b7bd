import { html, type SafeHtml } from './html-template';

/** One horizontal bar: stacked segments, plus the part of `total` no segment may show (grey). */
export interface BarRow {
  label: string;
  total: number;
  /** Text after the bar, such as `85 · 40 visitors`. */
  caption: string;
  segments: readonly { value: number; color: string; name: string }[];
  /** Drawn dimmed, for an "other" row. */
  muted?: boolean;
}

const ROW = 28;
const BAR = 16;

/** Shortens a label to `max` characters with an ellipsis; the full text goes in a tooltip. */
export const clip = (label: string, max: number): string => (label.length > max ? `${label.slice(0, max - 1)}…` : label);

/**
 * Horizontal stacked bars, longest first as given, scaled to the largest
 * total. Labels and captions are text (escaped); widths are in viewBox units
 * and the SVG scales to its container.
 *
 * @example
 * ```ts
 * barChart([{ label: '/pricing', total: 85, caption: '85', segments: [{ value: 60, color: '#D55E00', name: 'Rage clicks' }] }], { title: 'Friction by page' });
 * ```
 */
export function barChart(
  rows: readonly BarRow[],
  { title, width = 560, labelWidth = 180 }: { title: string; width?: number; labelWidth?: number },
): SafeHtml {
  const captionWidth = 130;
  const span = width - labelWidth - captionWidth - 8;
  const max = Math.max(1, ...rows.map((r) => r.total));
  const height = rows.length * ROW + 4;
  const maxChars = Math.floor(labelWidth / 7.2);
  const bars = rows.map((row, i) => {
    const y = i * ROW + 4;
    let x = labelWidth;
    const parts = row.segments
      .filter((s) => s.value > 0)
      .map((s) => {
        const w = (s.value / max) * span;
        const part = html`<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${BAR}" fill="${s.color}"><title>${s.name}: ${s.value}</title></rect>`;
        x += w;
        return part;
      });
    const shown = row.segments.reduce((sum, s) => sum + s.value, 0);
    const rest = row.total - shown;
    const restBar =
      rest > 0
        ? html`<rect x="${x.toFixed(1)}" y="${y}" width="${((rest / max) * span).toFixed(1)}" height="${BAR}" fill="#c9ccd1"><title>Smaller counts, not broken down: ${rest}</title></rect>`
        : null;
    const end = labelWidth + (row.total / max) * span;
    return html`<g class="${row.muted ? 'bar muted' : 'bar'}"><text x="${labelWidth - 8}" y="${y + 12.5}" text-anchor="end" class="label"><title>${row.label}</title>${clip(row.label, maxChars)}</text>${parts}${restBar}<text x="${(end + 6).toFixed(1)}" y="${y + 12.5}" class="value">${row.caption}</text></g>`;
  });
  return html`<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${title}"><title>${title}</title>${bars}</svg>`;
}
