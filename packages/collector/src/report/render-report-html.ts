import { barChart, type BarRow } from './bar-chart';
import { SIGNAL_STYLE, formatCount, formatDate, formatPercent, formatPoints, formatVital } from './format-figures';
import { funnelChart } from './funnel-chart';
import { html, type SafeHtml } from './html-template';
import { intervalChart } from './interval-chart';
import { lineChart } from './line-chart';
import type {
  BreakdownRow,
  BreakdownTable,
  Comparison,
  Count,
  MaybeCell,
  ReportSummary,
  RuleReport,
  ShadowBlock,
  ShadowReport,
  SignalName,
} from './report-summary';

/** The Content-Security-Policy the report page works under: no script, no external asset, inline style only. */
export const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

// A template without interpolations: `html` keeps it verbatim.
const STYLE = html`
:root { color-scheme: light; --ink: #1d232b; --soft: #5b6470; --line: #e3e6ea; --card: #fff; --bg: #f5f6f8; --accent: #2f5fd0; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 48px; }
header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 8px 24px; margin-bottom: 16px; }
h1 { font-size: 22px; margin: 0; }
h2 { font-size: 17px; margin: 28px 0 10px; }
h3 { font-size: 15px; margin: 0 0 8px; }
.meta { color: var(--soft); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px; }
.card, .panel { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; }
.card .figure { font-size: 24px; font-weight: 650; }
.card .what { color: var(--soft); }
.grid2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 12px; }
.grid3 { display: grid; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); gap: 12px; }
svg.chart { display: block; max-width: 100%; height: auto; font: 12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
svg .label { fill: var(--ink); }
svg .value, svg .tick { fill: var(--soft); }
svg .grid { stroke: var(--line); }
svg .axis { stroke: #9aa1ab; }
svg .zero { stroke: #1d232b; stroke-dasharray: 4 3; }
svg .muted rect { opacity: .55; }
svg .funnel-bar { fill: var(--accent); }
svg .held { fill: #b9c0ca; }
svg .outline { fill: none; stroke: #9aa1ab; stroke-dasharray: 3 3; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 6px 0 0; padding: 0; list-style: none; color: var(--soft); }
.legend li::before { content: ""; display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; background: var(--swatch); vertical-align: -1px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--soft); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.key { max-width: 340px; overflow-wrap: anywhere; }
td.name, th.num { white-space: nowrap; }
.suppressed { color: var(--soft); font-style: italic; }
.foot { color: var(--soft); font-size: 12.5px; margin-top: 6px; }
.blocked { color: var(--soft); font-size: 12.5px; margin-top: 2px; }
.rule { margin-bottom: 12px; }
.rule-head { display: flex; align-items: baseline; gap: 12px; flex-wrap: wrap; }
.badge { border-radius: 999px; padding: 1px 10px; font-size: 12.5px; font-weight: 600; background: #eef0f3; color: var(--soft); }
.badge.helps { background: #dff3ea; color: #0b6b47; }
.badge.hurts { background: #fbe3da; color: #9a3412; }
.lift { font-size: 18px; font-weight: 650; margin: 4px 0; }
.lift.helps { color: #0b6b47; }
.lift.hurts { color: #9a3412; }
.empty { color: var(--soft); }
dl.figures { display: grid; grid-template-columns: repeat(6, 1fr); gap: 4px; margin: 10px 0 0; }
dl.figures div { border-top: 1px solid var(--line); padding-top: 4px; }
dl.figures dt { color: var(--soft); font-size: 12.5px; }
dl.figures dd { margin: 0; font-size: 16px; font-weight: 600; font-variant-numeric: tabular-nums; }
ul.notes { padding-left: 18px; color: var(--soft); }
code { font-size: 12.5px; }
`;

const DEVICE_LABEL: Record<string, string> = { desktop: 'Desktop', tablet: 'Tablet', mobile: 'Mobile', unknown: 'Unknown' };
/** Guardrails that would have blocked a shadow rule, in words (the events carry the names). */
const GUARD_LABEL: Record<ShadowBlock, string> = {
  quiet_page: 'quiet page',
  never: 'visitor said never',
  dismissed: 'dismissed this session',
  snoozed: 'snoozed',
  cooldown: 'cooldown after a dismissal',
  already_shown: 'once per session',
  rule_cap: 'rule cap',
  known_field: 'answer already known',
  question_budget: 'question budget',
  skipped_question: 'after a skipped question',
  group_cap: 'group cap',
  session_cap: 'session cap',
  day_cap: 'daily cap',
  week_cap: 'weekly cap',
  min_gap: 'minimum gap',
  visible: 'another tip on screen',
  holdout: 'holdout',
};

const visitorsText = (n: number) => `${formatCount(n)} visitor${n === 1 ? '' : 's'}`;

const suppressed = (minCount: number) =>
  html`<span class="suppressed" title="${`fewer than ${minCount} visitors: not shown`}">&lt;${minCount}</span>`;

const cellText = (cell: MaybeCell | undefined, minCount: number): SafeHtml =>
  cell === undefined ? html`<span class="suppressed">–</span>` : cell === null ? suppressed(minCount) : html`${formatCount(cell.events)}`;

const countText = (count: Count, minCount: number): SafeHtml => (count === null ? suppressed(minCount) : html`${formatCount(count)}`);

const foldedNote = (table: BreakdownTable, minCount: number, what: string): SafeHtml | null => {
  if (!table.folded) return null;
  const groups = `${table.folded} smaller ${what}${table.folded === 1 ? '' : 's'}`;
  return table.other
    ? html`<p class="foot">“Other” folds together ${groups}.</p>`
    : html`<p class="foot">${groups} with fewer than ${minCount} visitors between them: hidden.</p>`;
};

const legend = (signals: readonly SignalName[]) =>
  html`<ul class="legend">${signals.map((s) => html`<li style="${`--swatch:${SIGNAL_STYLE[s].color}`}">${SIGNAL_STYLE[s].label}</li>`)}</ul>`;

const rowsOf = (
  table: BreakdownTable,
  label: (key: string) => string = (k) => k,
): (BreakdownRow & { muted?: boolean; label: string })[] => [
  ...table.rows.map((r) => ({ ...r, label: label(r.key) })),
  ...(table.other ? [{ ...table.other, label: 'Other', muted: true }] : []),
];

const frictionBars = (
  table: BreakdownTable,
  signals: readonly SignalName[],
  title: string,
  label?: (key: string) => string,
  narrow = false,
): SafeHtml => {
  const rows = rowsOf(table, label);
  if (!rows.length) return html`<p class="empty">Not enough data yet.</p>`;
  const bars: BarRow[] = rows.map((r) => ({
    label: r.label,
    total: r.total.events,
    caption: `${formatCount(r.total.events)} · ${visitorsText(r.total.visitors)}`,
    muted: r.muted,
    segments: signals.map((s) => ({ value: r.signals[s]?.events ?? 0, color: SIGNAL_STYLE[s].color, name: SIGNAL_STYLE[s].label })),
  }));
  return barChart(bars, narrow ? { title, width: 340, labelWidth: 80 } : { title });
};

const breakdownTable = (
  table: BreakdownTable,
  columns: readonly SignalName[],
  keyHeader: string,
  minCount: number,
  label: (key: string) => string = (k) => k,
): SafeHtml => {
  const rows = rowsOf(table, label);
  if (!rows.length) return html`<p class="empty">Not enough data yet.</p>`;
  return html`<table><thead><tr><th>${keyHeader}</th>${columns.map((c) => html`<th class="num">${SIGNAL_STYLE[c].label}</th>`)}<th class="num">Visitors</th></tr></thead><tbody>${rows.map(
    (r) =>
      html`<tr><td class="key">${r.label}</td>${columns.map((c) => html`<td class="num">${cellText(r.signals[c], minCount)}</td>`)}<td class="num">${formatCount(r.total.visitors)}</td></tr>`,
  )}</tbody></table>`;
};

const overview = (s: ReportSummary) => {
  const friction = s.overview.friction;
  const share = friction && s.overview.visitors ? ` (${formatPercent(friction.visitors / s.overview.visitors, 0)} of visitors)` : '';
  const card = (figure: SafeHtml | string, what: string) =>
    html`<div class="card"><div class="figure">${figure}</div><div class="what">${what}</div></div>`;
  return html`<section class="cards" aria-label="Overview">
${card(formatCount(s.overview.visitors), 'visitors')}
${card(friction ? formatCount(friction.events) : suppressed(s.minCount), friction ? `friction signals from ${visitorsText(friction.visitors)}${share}` : 'friction signals')}
${card(formatCount(s.rules.length), `live rule${s.rules.length === 1 ? '' : 's'} with decisions`)}
${card(formatCount(s.shadow.length), `shadow rule${s.shadow.length === 1 ? '' : 's'}`)}
${card(formatCount(s.overview.droppedOnDevice), 'events dropped on devices before sending')}
</section>`;
};

const trend = (s: ReportSummary) => {
  const t = s.friction.trend;
  if (t.days.length < 2) return html`<p class="empty">Trends need events on at least two days.</p>`;
  const sum = (values: readonly (number | null)[]) => values.reduce<number>((a, v) => a + (v ?? 0), 0);
  // A series shown on fewer than half the days would be more gap than line.
  const shown = (values: readonly (number | null)[]) => values.filter((v) => v !== null && v > 0).length >= t.days.length / 2;
  const top = t.series
    .filter((x) => shown(x.values))
    .sort((a, b) => sum(b.values) - sum(a.values))
    .slice(0, 5);
  const series = [
    { name: 'All friction', color: '#1d232b', values: t.total, strong: true },
    ...top.map((x) => ({ name: SIGNAL_STYLE[x.signal].label, color: SIGNAL_STYLE[x.signal].color, values: x.values })),
  ];
  return html`${lineChart(t.days, series, { title: 'Friction signals per day' })}<ul class="legend"><li style="--swatch:#1d232b">All friction</li>${top.map(
    (x) => html`<li style="${`--swatch:${SIGNAL_STYLE[x.signal].color}`}">${SIGNAL_STYLE[x.signal].label}</li>`,
  )}</ul><p class="foot">Events per UTC day; a gap is a day with fewer than ${s.minCount} visitors behind the figure.</p>`;
};

const comparisonBlock = (c: Comparison, minCount: number, goal: string | null): SafeHtml => {
  const goalText = goal ? `“${goal}”` : 'any goal';
  if (c.status === 'no_holdout') {
    return html`<p class="empty">No holdout group: set <code>holdout</code> on this rule (for example 0.1) to measure its lift on ${goalText}.</p>`;
  }
  if (c.status === 'not_enough_data') {
    const n = (count: Count) => (count === null ? html`fewer than ${minCount}` : html`${formatCount(count)}`);
    return html`<p class="lift">Not enough data yet</p><p>A lift estimate needs ${formatCount(c.need)} visitors in each group; so far ${n(c.treatment)} with help and ${n(c.holdout)} in the holdout.</p>`;
  }
  const { treatment, holdout, lift } = c;
  const verdict = c.verdict === 'helps' ? 'helps' : c.verdict === 'hurts' ? 'hurts' : 'unclear';
  const liftColor = verdict === 'helps' ? '#0b6b47' : verdict === 'hurts' ? '#9a3412' : '#5b6470';
  return html`<p>Conversion on ${goalText} after the rule fired:</p>
<table class="arms"><tbody>
<tr><td>With help</td><td class="num">${formatPercent(treatment.rate)}</td><td class="num">${formatCount(treatment.converted)} of ${formatCount(treatment.n)}</td><td class="num meta">95% CI ${formatPercent(treatment.interval[0])} to ${formatPercent(treatment.interval[1])}</td></tr>
<tr><td>Holdout</td><td class="num">${formatPercent(holdout.rate)}</td><td class="num">${formatCount(holdout.converted)} of ${formatCount(holdout.n)}</td><td class="num meta">95% CI ${formatPercent(holdout.interval[0])} to ${formatPercent(holdout.interval[1])}</td></tr>
</tbody></table>
${intervalChart(
  [
    { label: 'With help', value: treatment.rate, interval: treatment.interval, color: '#2f5fd0' },
    { label: 'Holdout', value: holdout.rate, interval: holdout.interval, color: '#7a828d' },
  ],
  { title: 'Conversion rate with 95% Wilson intervals' },
)}
<p class="${`lift ${verdict}`}">Lift ${formatPoints(lift.difference)} <span class="meta">(95% CI ${formatPoints(lift.interval[0]).replace(' pts', '')} to ${formatPoints(lift.interval[1])})</span></p>
${intervalChart([{ label: 'Lift', value: lift.difference, interval: lift.interval, color: liftColor }], { title: 'Lift in percentage points with its 95% interval', difference: true })}
<p class="foot">${c.method}. ${verdict === 'unclear' ? 'The interval includes zero: no clear difference yet.' : verdict === 'helps' ? 'The whole interval is above zero.' : 'The whole interval is below zero.'}</p>`;
};

const ruleCard = (r: RuleReport, s: ReportSummary): SafeHtml => {
  const c = r.comparison;
  const badge =
    c.status === 'estimate'
      ? html`<span class="${`badge ${c.verdict}`}">${c.verdict === 'helps' ? 'helps' : c.verdict === 'hurts' ? 'hurts' : 'no clear difference'}</span>`
      : c.status === 'not_enough_data'
        ? html`<span class="badge">not enough data yet</span>`
        : html`<span class="badge">no holdout</span>`;
  const f = r.funnel;
  return html`<article class="panel rule" data-rule="${r.rule}">
<div class="rule-head"><h3>${r.rule}</h3>${badge}</div>
<div class="grid2">
<div>${funnelChart(
    [
      { label: 'Eligible', value: f.eligible, held: f.holdout },
      { label: 'Shown', value: f.shown },
      { label: 'Engaged', value: f.engaged },
      { label: 'Dismissed', value: f.dismissed },
      { label: 'Converted', value: f.converted },
    ],
    { title: `Funnel for ${r.rule}`, minCount: s.minCount },
  )}
<dl class="figures">
<div><dt title="visitors the rule fired for">Eligible</dt><dd>${countText(f.eligible, s.minCount)}</dd></div>
<div><dt title="kept as control: nothing shown">Held out</dt><dd>${countText(f.holdout, s.minCount)}</dd></div>
<div><dt title="saw the help">Shown</dt><dd>${countText(f.shown, s.minCount)}</dd></div>
<div><dt title="used a link, answered helpful or asked why">Engaged</dt><dd>${countText(f.engaged, s.minCount)}</dd></div>
<div><dt title="closed, snoozed or said never">Dismissed</dt><dd>${countText(f.dismissed, s.minCount)}</dd></div>
<div><dt title="converted after it was shown">Converted</dt><dd>${countText(f.converted, s.minCount)}</dd></div>
</dl>
<p class="foot">Visitors at each step; shares are of eligible visitors. Grey: held out. Converted: on ${s.goal ? `“${s.goal}”` : 'any goal'} after help was shown.</p></div>
<div>${comparisonBlock(c, s.minCount, s.goal)}</div>
</div>
</article>`;
};

const shadowRow = (r: ShadowReport, s: ReportSummary): SafeHtml => {
  const list = (table: BreakdownTable, label: (k: string) => string = (k) => k) => {
    const rows = rowsOf(table, label);
    if (!rows.length)
      return table.folded
        ? html`<span class="suppressed">fewer than ${s.minCount} visitors per group</span>`
        : html`<span class="meta">none</span>`;
    const rest = table.folded && !table.other ? html`<span class="meta">, smaller groups hidden</span>` : null;
    return html`${rows.map((row, i) => html`${i ? ', ' : ''}${row.label} <span class="meta">${formatCount(row.total.events)}</span>`)}${rest}`;
  };
  const figure = (cell: ShadowReport['wouldFire'], key: 'events' | 'visitors') => (cell ? formatCount(cell[key]) : suppressed(s.minCount));
  // Where it would have shown, then, when caps held it back at all, where they did.
  const where = (fire: BreakdownTable, blocked: BreakdownTable, label?: (k: string) => string) =>
    r.blocked?.events === 0 ? list(fire, label) : html`${list(fire, label)}<div class="blocked">blocked: ${list(blocked, label)}</div>`;
  return html`<tr data-shadow-rule="${r.rule}"><td class="name">${r.rule}</td><td class="num" data-figure="would-fire">${figure(r.wouldFire, 'events')}</td><td class="num">${figure(r.wouldFire, 'visitors')}</td><td class="num" data-figure="blocked">${figure(r.blocked, 'events')}</td><td class="guards">${list(r.blockedBy, (k) => GUARD_LABEL[k as ShadowBlock] ?? k)}</td><td class="key">${where(r.byPage, r.blockedByPage)}</td><td>${where(r.byDevice, r.blockedByDevice, (k) => DEVICE_LABEL[k] ?? k)}</td><td>${where(r.byReferrer, r.blockedByReferrer)}</td></tr>`;
};

const vitals = (s: ReportSummary) => {
  if (!s.vitals.rows.length) return html`<p class="empty">No page has web vitals from ${s.minCount} or more visitors yet.</p>`;
  const v = (value: number | null, name: 'LCP' | 'INP' | 'CLS') =>
    value === null ? suppressed(s.minCount) : html`${formatVital(name, value)}`;
  return html`<table><thead><tr><th>Page</th><th class="num">LCP p75</th><th class="num">INP p75</th><th class="num">CLS p75</th><th class="num">Friction signals</th></tr></thead><tbody>${s.vitals.rows.map(
    (r) =>
      html`<tr><td class="key">${r.path}</td><td class="num">${v(r.p75.LCP, 'LCP')}</td><td class="num">${v(r.p75.INP, 'INP')}</td><td class="num">${v(r.p75.CLS, 'CLS')}</td><td class="num">${cellText(r.friction, s.minCount)}</td></tr>`,
  )}</tbody></table>${s.vitals.folded ? html`<p class="foot">${s.vitals.folded} more page${s.vitals.folded === 1 ? '' : 's'} with too few visitors or past the first rows: not shown.</p>` : null}`;
};

/**
 * Renders a {@link ReportSummary} as one self-contained HTML page: inline
 * SVG charts, one `<style>` element, no script and no external asset, so it
 * works under {@link REPORT_CSP} and as a file opened from disk. Every string
 * from the data (paths, targets, rule ids, segments) is escaped: visitors'
 * browsers produced them.
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * writeFileSync('report.html', renderReportHtml(summarizeEvents(events, { goal: 'signup' })));
 * ```
 */
export function renderReportHtml(summary: ReportSummary): string {
  const s = summary;
  const f = s.friction;
  const period = s.period ? `${formatDate(s.period.from)} to ${formatDate(s.period.to)}` : 'no events yet';
  const fieldColumns = f.signals.filter((x) => x.startsWith('form_'));
  const otherColumns = f.signals.filter((x) => !x.startsWith('form_'));
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Attune friction report${s.site ? ` · ${s.site}` : ''}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header><h1>Friction report</h1><span class="meta">${s.site ? html`site <strong>${s.site}</strong> · ` : null}${period} · generated ${formatDate(s.generatedAt, true)}</span></header>
${overview(s)}

<h2>Friction over time</h2>
<div class="panel">${trend(s)}</div>

<h2>Where visitors struggle</h2>
${legend(f.signals)}
<div class="grid2">
<div class="panel"><h3>By page</h3>${frictionBars(f.byPage, f.signals, 'Friction signals by page')}${foldedNote(f.byPage, s.minCount, 'page')}</div>
<div class="panel"><h3>By target</h3>${frictionBars(f.byTarget, otherColumns, 'Friction signals by click target')}${foldedNote(f.byTarget, s.minCount, 'target')}</div>
</div>

<h2>Form fields</h2>
<div class="panel">${breakdownTable(f.byField, fieldColumns, 'Field', s.minCount)}${foldedNote(f.byField, s.minCount, 'field')}<p class="foot">“Abandoned forms” counts the field touched last before the form was left.</p></div>

<h2>By segment</h2>
<div class="grid3">
<div class="panel"><h3>Device</h3>${frictionBars(f.bySegment.device, f.signals, 'Friction by device', (k) => DEVICE_LABEL[k] ?? k, true)}${foldedNote(f.bySegment.device, s.minCount, 'group')}</div>
<div class="panel"><h3>Referrer</h3>${frictionBars(f.bySegment.referrer, f.signals, 'Friction by referrer class', undefined, true)}${foldedNote(f.bySegment.referrer, s.minCount, 'group')}</div>
<div class="panel"><h3>New or returning</h3>${frictionBars(f.bySegment.visitor, f.signals, 'Friction by new or returning visitors', undefined, true)}${foldedNote(f.bySegment.visitor, s.minCount, 'group')}</div>
</div>

<h2>Signals in detail</h2>
<div class="panel">${breakdownTable(f.byPage, otherColumns, 'Page', s.minCount)}${foldedNote(f.byPage, s.minCount, 'page')}</div>

<h2>Rules: help shown against the holdout</h2>
${s.rules.length ? s.rules.map((r) => ruleCard(r, s)) : html`<p class="empty">No live rule has fired yet.</p>`}

<h2>Shadow rules: what they would have done</h2>
<div class="panel">${
    s.shadow.length
      ? html`<table><thead><tr><th>Rule</th><th class="num">Would have shown</th><th class="num">Visitors</th><th class="num" title="conditions passed, but a cap or another guardrail would have stopped it">Blocked by caps</th><th>Blocked by</th><th>Pages</th><th>Devices</th><th>Referrers</th></tr></thead><tbody>${s.shadow.map((r) => shadowRow(r, s))}</tbody></table>
<p class="foot">Would have shown: the rule's conditions passed and its virtual caps allowed it. Blocked by caps: its conditions passed, but a guardrail would have stopped it: the rule's own caps, the session, daily or weekly cap, the minimum gap between tips, a quiet page…</p>`
      : html`<p class="empty">No shadow rule has recorded a decision.</p>`
  }</div>

<h2>Page speed and friction</h2>
<div class="panel">${vitals(s)}</div>

<h2>How to read this</h2>
<ul class="notes">${s.notes.map((n) => html`<li>${n}</li>`)}</ul>
</main>
</body>
</html>
`;
  return page.__safeHtml;
}
