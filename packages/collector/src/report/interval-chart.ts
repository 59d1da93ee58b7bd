import { formatPercent, formatPoints } from './format-figures';
import { html, type SafeHtml } from './html-template';
import { niceStep } from './line-chart';
import type { Interval } from './proportion-interval';

/** One estimate with its interval, drawn as a dot on a whisker. */
export interface IntervalRow {
  label: string;
  value: number;
  interval: Interval;
  color: string;
}

/**
 * Estimates with 95% intervals on one shared axis, as dots on whiskers. With
 * `difference`, the axis is in percentage points and a dashed line marks
 * zero, so "does the interval cross zero" can be seen at a glance.
 */
export function intervalChart(
  rows: readonly IntervalRow[],
  { title, difference = false, width = 440 }: { title: string; difference?: boolean; width?: number },
): SafeHtml {
  const labelWidth = 110;
  const right = 24;
  const rowH = 30;
  const axisH = 22;
  const lows = rows.map((r) => r.interval[0]);
  const highs = rows.map((r) => r.interval[1]);
  const step = niceStep((difference ? Math.max(0, ...highs) - Math.min(0, ...lows) : Math.max(...highs)) || 0.1, 4);
  const lo = difference ? Math.floor(Math.min(0, ...lows) / step) * step : 0;
  const hi = Math.ceil(Math.max(difference ? 0 : step, ...highs) / step) * step;
  const span = width - labelWidth - right;
  const x = (v: number) => labelWidth + ((v - lo) / (hi - lo)) * span;
  const height = rows.length * rowH + axisH + 6;
  const axisY = rows.length * rowH + 4;
  const fmt = (v: number, digits = 1) => (difference ? formatPoints(v, digits) : formatPercent(v, digits));
  const tickValues: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) tickValues.push(Math.round(v / step) * step);
  // Points carry their unit on the last tick only, to keep the axis quiet.
  const tickText = (v: number, last: boolean) =>
    difference ? (last ? formatPoints(v, 0) : formatPoints(v, 0).replace(' pts', '')) : formatPercent(v, 0);
  const ticks = tickValues.map(
    (v, i) =>
      html`<line x1="${x(v).toFixed(1)}" x2="${x(v).toFixed(1)}" y1="${axisY}" y2="${axisY + 4}" class="axis"/><text x="${x(v).toFixed(1)}" y="${axisY + 16}" text-anchor="middle" class="tick">${tickText(v, i === tickValues.length - 1)}</text>`,
  );
  const zero = difference ? html`<line x1="${x(0).toFixed(1)}" x2="${x(0).toFixed(1)}" y1="0" y2="${axisY}" class="zero"/>` : null;
  const marks = rows.map((row, i) => {
    const y = i * rowH + 16;
    return html`<g><text x="${labelWidth - 10}" y="${y + 4}" text-anchor="end" class="label">${row.label}</text><line x1="${x(row.interval[0]).toFixed(1)}" x2="${x(row.interval[1]).toFixed(1)}" y1="${y}" y2="${y}" stroke="${row.color}" stroke-width="2"/><line x1="${x(row.interval[0]).toFixed(1)}" x2="${x(row.interval[0]).toFixed(1)}" y1="${y - 6}" y2="${y + 6}" stroke="${row.color}" stroke-width="2"/><line x1="${x(row.interval[1]).toFixed(1)}" x2="${x(row.interval[1]).toFixed(1)}" y1="${y - 6}" y2="${y + 6}" stroke="${row.color}" stroke-width="2"/><circle cx="${x(row.value).toFixed(1)}" cy="${y}" r="5" fill="${row.color}"><title>${row.label}: ${fmt(row.value)} (95% CI ${fmt(row.interval[0])} to ${fmt(row.interval[1])})</title></circle></g>`;
  });
  return html`<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${title}"><title>${title}</title><line x1="${labelWidth}" x2="${width - right}" y1="${axisY}" y2="${axisY}" class="axis"/>${ticks}${zero}${marks}</svg>`;
}
