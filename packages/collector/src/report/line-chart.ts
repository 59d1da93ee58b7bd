import { html, type SafeHtml } from './html-template';

/** One line: a value per day, `null` where the figure is suppressed (a gap). */
export interface LineSeries {
  name: string;
  color: string;
  values: readonly (number | null)[];
  /** Drawn thicker, for a total. */
  strong?: boolean;
}

/** A round step (1, 2, 2.5 or 5 times a power of ten) giving about `target` grid lines over `range`. */
export const niceStep = (range: number, target = 4): number => {
  const raw = range / target || 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw * (1 - 1e-9)) ?? 10 * magnitude;
};

/**
 * A line chart over days with a y grid and a few date labels. Suppressed
 * values break the line rather than pretend to be zero; an isolated point is
 * drawn as a dot.
 */
export function lineChart(
  days: readonly string[],
  series: readonly LineSeries[],
  { title, width = 1060, height = 240 }: { title: string; width?: number; height?: number },
): SafeHtml {
  const left = 48;
  const right = 16;
  const top = 12;
  const bottom = 28;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const step = Math.max(1, niceStep(max));
  const yMax = Math.ceil(max / step) * step;
  const x = (i: number) => left + (days.length <= 1 ? plotW / 2 : (i / (days.length - 1)) * plotW);
  const y = (v: number) => top + plotH - (v / yMax) * plotH;

  const grid = [];
  for (let v = 0; v <= yMax; v += step) {
    grid.push(
      html`<line x1="${left}" x2="${width - right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" class="grid"/><text x="${left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" class="tick">${v}</text>`,
    );
  }
  const labelEvery = Math.max(1, Math.ceil(days.length / 8));
  const xLabels = days.map((day, i) =>
    i % labelEvery === 0 || i === days.length - 1
      ? html`<text x="${x(i).toFixed(1)}" y="${height - 8}" text-anchor="middle" class="tick">${day.slice(5)}</text>`
      : null,
  );
  const lines = series.map((s) => {
    const runs: string[] = [];
    const dots: SafeHtml[] = [];
    let run: string[] = [];
    const close = (i: number) => {
      if (run.length > 1) runs.push(run.join(' '));
      else if (run.length === 1) {
        const v = s.values[i - 1]!;
        dots.push(html`<circle cx="${x(i - 1).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3" fill="${s.color}"/>`);
      }
      run = [];
    };
    s.values.forEach((v, i) => {
      if (v === null) close(i);
      else run.push(`${run.length ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`);
    });
    close(s.values.length);
    return html`<g><title>${s.name}</title>${runs.map((d) => html`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="${s.strong ? 3 : 2}" stroke-linejoin="round"/>`)}${dots}</g>`;
  });
  return html`<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${title}"><title>${title}</title>${grid}${xLabels}${lines}</svg>`;
}
