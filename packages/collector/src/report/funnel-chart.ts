import { formatCount, formatPercent } from './format-figures';
import { html, type SafeHtml } from './html-template';

/** One funnel stage; `value` is `null` when suppressed. `held` is the held-out part of the first stage. */
export interface FunnelStage {
  label: string;
  value: number | null;
  held?: number | null;
}

/**
 * A funnel as horizontal bars scaled to the first stage, each with its count
 * and its share of the first stage. A suppressed stage is drawn as an empty
 * outline reading "fewer than N".
 */
export function funnelChart(
  stages: readonly FunnelStage[],
  { title, minCount, width = 520 }: { title: string; minCount: number; width?: number },
): SafeHtml {
  const labelWidth = 130;
  const captionWidth = 150;
  const span = width - labelWidth - captionWidth;
  const base = stages[0]?.value ?? null;
  const max = Math.max(1, ...stages.map((s) => s.value ?? 0));
  const rowH = 30;
  const rows = stages.map((stage, i) => {
    const y = i * rowH + 4;
    const label = html`<text x="${labelWidth - 8}" y="${y + 14}" text-anchor="end" class="label">${stage.label}</text>`;
    if (stage.value === null) {
      return html`<g class="stage suppressed">${label}<rect x="${labelWidth}" y="${y}" width="${Math.min(span, 60)}" height="20" class="outline"/><text x="${labelWidth + 68}" y="${y + 14}" class="value">fewer than ${minCount}</text></g>`;
    }
    const w = (stage.value / max) * span;
    const held = stage.held ? (stage.held / max) * span : 0;
    const share = base && i > 0 ? ` · ${formatPercent(stage.value / base, 0)}` : '';
    const heldBar =
      held > 0
        ? html`<rect x="${(labelWidth + w - held).toFixed(1)}" y="${y}" width="${held.toFixed(1)}" height="20" class="held"><title>held out: ${stage.held}</title></rect>`
        : null;
    return html`<g class="stage">${label}<rect x="${labelWidth}" y="${y}" width="${Math.max(w, 1).toFixed(1)}" height="20" class="funnel-bar"/>${heldBar}<text x="${(labelWidth + w + 6).toFixed(1)}" y="${y + 14}" class="value">${formatCount(stage.value)}${share}</text></g>`;
  });
  const height = stages.length * rowH + 4;
  return html`<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${title}"><title>${title}</title>${rows}</svg>`;
}
