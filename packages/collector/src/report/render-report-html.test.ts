import { describe, expect, it } from 'vitest';
import { renderReportHtml } from './render-report-html';
import { summarizeEvents } from './summarize-events';

const T0 = Date.UTC(2026, 10, 2, 9);
let seq = 0;
const ev = (type: string, vid: string, fields: Record<string, unknown> = {}, ts = T0 + ++seq) => ({
  id: `e${seq}`,
  type,
  purpose: 'help',
  ts,
  path: '/pricing',
  vid,
  device: 'desktop',
  referrer: 'search',
  ...fields,
});
const arm = (rule: string, prefix: string, n: number, converted: number, holdout: boolean) =>
  Array.from({ length: n }, (_, i) => [
    ev('decision', `${prefix}${i}`, { rule, holdout }),
    ...(holdout ? [] : [ev('shown', `${prefix}${i}`, { rule })]),
    ...(i < converted ? [ev('conversion', `${prefix}${i}`, { goal: 'signup' })] : []),
  ]).flat();

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('renderReportHtml', () => {
  it('renders a target like <img src=x onerror=alert(1)> as text, in paths, rule ids and segments too', () => {
    const events = Array.from({ length: 25 }, (_, i) => [
      ev('signal', `v${i}`, { signal: 'dead_click', target: HOSTILE, path: `/q/"><svg onload=alert(1)>`, referrer: `'><b>x` }),
      ev('decision', `v${i}`, { rule: `</style><script>alert(1)</script>`, shadow: true }),
    ]).flat();
    const page = renderReportHtml(summarizeEvents(events, { site: undefined, goal: '"><i>goal' }));
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('/q/&quot;&gt;&lt;svg onload=alert(1)&gt;');
    expect(page).toContain('&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain(HOSTILE);
    expect(page).not.toMatch(/<script|<svg onload|<img|<b>x|<i>goal/i);
  });

  it('is self-contained: no script, no event handler attribute and no external URL', () => {
    const page = renderReportHtml(summarizeEvents([...arm('r', 't', 40, 20, false), ...arm('r', 'h', 40, 10, true)], { minCount: 20 }));
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
    expect(page).not.toMatch(/\b(?:src|href)\s*=|url\(|@import/i);
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<style>');
  });

  it('shows the lift in points with its 95% interval and names the method', () => {
    const page = renderReportHtml(
      summarizeEvents([...arm('pricing-help', 't', 70, 56, false), ...arm('pricing-help', 'h', 80, 48, true)], { goal: 'signup' }),
    );
    expect(page).toContain('Lift +20.0 pts');
    expect(page).toContain('(95% CI +5.2 to +33.4 pts)');
    expect(page).toContain('80.0%');
    expect(page).toContain('56 of 70');
    expect(page).toContain('48 of 80');
    expect(page).toContain('Newcombe hybrid score interval (method 10, Newcombe 1998) from Wilson score intervals, 95%');
    expect(page).toContain('class="badge helps"');
  });

  it('says "not enough data yet" below the minimum per arm and hides small counts', () => {
    const page = renderReportHtml(
      summarizeEvents([...arm('nudge', 't', 40, 5, false), ...arm('nudge', 'h', 8, 1, true)], { minCount: 20, minSamplePerArm: 30 }),
    );
    expect(page).toContain('Not enough data yet');
    expect(page).toContain('needs 30 visitors in each group; so far 40 with help and fewer than 20 in the holdout');
    expect(page).toContain('&lt;20</span>');
    expect(page).not.toMatch(/Lift [+\u2212]?\d/);
  });

  it('shows per shadow rule how often it would have shown and how often caps would have blocked it, with the guardrails and pages', () => {
    const events = [
      ...Array.from({ length: 30 }, (_, i) => ev('decision', `w${i}`, { rule: 'exit-offer', shadow: true })),
      ...Array.from({ length: 22 }, (_, i) =>
        ev('decision', `b${i}`, { rule: 'exit-offer', shadow: true, blocked: 'session_cap', path: '/docs' }),
      ),
    ];
    const page = renderReportHtml(summarizeEvents(events, { minCount: 20 }));
    const row = page.slice(
      page.indexOf('<tr data-shadow-rule="exit-offer">'),
      page.indexOf('</tr>', page.indexOf('data-shadow-rule="exit-offer"')),
    );
    expect(row).toContain('<td class="num" data-figure="would-fire">30</td>');
    expect(row).toContain('<td class="num" data-figure="blocked">22</td>');
    expect(row).toContain('session cap <span class="meta">22</span>');
    expect(row).toContain('/pricing <span class="meta">30</span><div class="blocked">blocked: /docs <span class="meta">22</span></div>');
    expect(page).toContain(
      '<th class="num" title="conditions passed, but a cap or another guardrail would have stopped it">Blocked by caps</th>',
    );
  });

  it('renders an empty store as a page that says so', () => {
    const page = renderReportHtml(summarizeEvents([], { now: T0 }));
    expect(page).toContain('no events yet');
    expect(page).toContain('No live rule has fired yet.');
    expect(page).toContain('Trends need events on at least two days.');
  });
});
