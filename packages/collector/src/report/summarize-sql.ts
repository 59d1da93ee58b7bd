import { thresholdCell } from './breakdown';
import { reportRuleCounts, type RuleCounts } from './rule-funnel';
import type { BreakdownRow, BreakdownTable, Cell, ReportSummary, ShadowReport, SignalName, VitalName } from './report-summary';
import { FIELD_SIGNAL_NAMES, SHADOW_BLOCKS, SIGNALS, VITALS, dayName, reportNotes, trendOf, vitalsOf, type SummarizeOptions } from './summarize-events';

const DAY = 86_400_000;

/** The event filter every report query starts from. */
export interface EventFilter {
  site?: string;
  from?: number;
  to?: number;
  device?: string;
  referrer?: string;
}

/**
 * What a SQL store gives {@link summarizeSql}: its dialect and a way to run a query.
 *
 * `events(filter)` is a parenthesised subquery (with an alias) over the stored events
 * that match the filter, with these columns, missing text as `''`:
 * `id, ts, type, path, unit` (`v:<vid>`, or `e:<id>` without a visitor id), `vid`,
 * `device` and `referrer` (`'unknown'` when missing), `sig`, `target`, `rule`,
 * `shadow` and `holdout` (1 or 0), `blocked`, `goal`, `vname`, `vvalue` and `dcount`
 * (numbers, NULL when missing).
 */
export interface SqlReportSource {
  events(filter: EventFilter): string;
  /** A string literal. */
  lit(value: string): string;
  /** Count of distinct values of an expression (an aggregate). */
  distinct(expr: string): string;
  /** The value of `valueExpr` on the row with the smallest `orderExpr` (an aggregate). */
  firstBy(valueExpr: string, orderExpr: string): string;
  /** The join keyword for a left join on `USING` (ClickHouse 18 needs `ANY LEFT JOIN`). */
  leftJoin: string;
  /** A query over a relation of `path, vname, unit, vvalue`: per `path, vname`, `visitors` and the nearest-rank 75th percentile `p75`. */
  vitals(relation: string): string;
  /** Orders text the way JavaScript's `<` does (code units), e.g. `COLLATE "C"` in PostgreSQL. */
  textOrder(expr: string): string;
  run(sql: string): Promise<Record<string, unknown>[]>;
}

const n = (v: unknown) => Number(v ?? 0);
const list = (source: SqlReportSource, values: readonly string[]) => values.map((v) => source.lit(v)).join(', ');

interface Relation {
  /** A parenthesised subquery (no alias), with at least `key` and `unit` (and `sig` for signal breakdowns). */
  sql: string;
  signals: boolean;
}

/**
 * One breakdown as {@link createBreakdown} makes it, asked of the database: the
 * first `maxRows` groups (most events first, then by key) with at least `minCount`
 * visitors, how many were left out, and the left-out groups together as `other`.
 * Three or four queries whatever the number of events; the rows fetched grow with
 * the rows shown.
 */
async function breakdown(source: SqlReportSource, rel: Relation, minCount: number, maxRows: number): Promise<BreakdownTable> {
  const d = source.distinct('unit');
  const top = await source.run(
    `SELECT key, count(*) AS events, ${d} AS visitors FROM ${rel.sql} AS b GROUP BY key HAVING ${d} >= ${minCount} ORDER BY events DESC, ${source.textOrder('key')} LIMIT ${maxRows}`,
  );
  const [groups] = await source.run(`SELECT ${source.distinct('key')} AS groups FROM ${rel.sql} AS b`);
  const keys = top.map((r) => String(r.key));
  const folded = n(groups?.groups) - keys.length;
  const cells = new Map<string, Partial<Record<SignalName, Cell>>>();
  const inKeys = keys.length ? `key IN (${list(source, keys)})` : '1 = 0';
  if (rel.signals && keys.length) {
    for (const r of await source.run(`SELECT key, sig, count(*) AS events, ${d} AS visitors FROM ${rel.sql} AS b WHERE ${inKeys} GROUP BY key, sig`)) {
      const row = cells.get(String(r.key)) ?? {};
      row[r.sig as SignalName] = { events: n(r.events), visitors: n(r.visitors) };
      cells.set(String(r.key), row);
    }
  }
  const toRow = (key: string, total: Cell, signals: Partial<Record<SignalName, Cell>>): BreakdownRow => {
    const out: BreakdownRow['signals'] = {};
    for (const [signal, cell] of Object.entries(signals)) out[signal as SignalName] = thresholdCell(cell.events, cell.visitors, minCount);
    return { key, total, signals: out };
  };
  const rows = top.map((r) => toRow(String(r.key), { events: n(r.events), visitors: n(r.visitors) }, cells.get(String(r.key)) ?? {}));
  let other: BreakdownRow | null = null;
  if (folded > 0) {
    const rest = `${rel.sql} AS b WHERE NOT (${inKeys})`;
    const [total] = await source.run(`SELECT count(*) AS events, ${d} AS visitors FROM ${rest}`);
    if (n(total?.visitors) >= minCount) {
      const signals: Partial<Record<SignalName, Cell>> = {};
      if (rel.signals) {
        for (const r of await source.run(`SELECT sig, count(*) AS events, ${d} AS visitors FROM ${rest} GROUP BY sig`)) {
          signals[r.sig as SignalName] = { events: n(r.events), visitors: n(r.visitors) };
        }
      }
      other = toRow('other', { events: n(total?.events), visitors: n(total?.visitors) }, signals);
    }
  }
  return { rows, other, folded };
}

/**
 * The friction report computed by the database: the same {@link ReportSummary}
 * as {@link summarizeEvents} on the same events (a contract test runs both over
 * every store), from `GROUP BY` queries whose answers grow with the groups shown
 * (pages, targets, rules, days), never with the events. Node holds no event.
 *
 * Exact figures: every count, distinct-visitor count, funnel, holdout arm and
 * percentile here is computed exactly from the stored events at request time
 * (no sampling, no estimate); stores may feed the same queries from daily
 * rollups, and say so where they do.
 */
export async function summarizeSql(source: SqlReportSource, options: SummarizeOptions = {}): Promise<ReportSummary> {
  const minCount = Math.max(1, Math.floor(options.minCount ?? 20));
  const minSamplePerArm = Math.max(minCount, Math.floor(options.minSamplePerArm ?? 30));
  const maxRows = Math.max(1, options.maxRows ?? 12);
  const maxDays = Math.max(1, options.maxDays ?? 60);
  const goal = options.goal ?? null;
  const { site, from, to, device, referrer } = options;
  const base = source.events({ site, from, to, device, referrer });
  const d = source.distinct('unit');
  const signalWhere = `type = 'signal' AND sig IN (${list(source, SIGNALS)})`;
  const signalsOf = (key: string, where = '') =>
    `(SELECT ${key} AS key, unit, sig FROM ${base} WHERE ${signalWhere}${where ? ` AND ${where}` : ''})`;
  const fields = list(source, FIELD_SIGNAL_NAMES);

  const [overview] = await source.run(
    `SELECT count(*) AS events, ${d} AS visitors, min(ts) AS first, max(ts) AS last,
       sum(CASE WHEN type = 'dropped' AND dcount > 0 THEN dcount ELSE 0 END) AS dropped FROM ${base}`,
  );
  const [friction] = await source.run(`SELECT count(*) AS events, ${d} AS visitors FROM ${base} WHERE ${signalWhere}`);
  const table = (sql: string, rows = maxRows) => breakdown(source, { sql, signals: true }, minCount, rows);

  // Returning: seen on an earlier UTC day than this event's, in the same filtered data.
  const dayOf = (ts: string) => `floor(${ts} / ${DAY})`;
  const visitorClass = `(SELECT CASE WHEN vid = '' THEN 'unknown' WHEN ${dayOf('ts')} > fday THEN 'returning' ELSE 'new' END AS key, unit, sig
    FROM (SELECT vid, unit, sig, ts FROM ${base} WHERE ${signalWhere}) AS s ${source.leftJoin}
      (SELECT vid, min(${dayOf('ts')}) AS fday FROM ${base} WHERE vid <> '' GROUP BY vid) AS f USING (vid))`;

  const [bySignal, byPage, byTarget, byField, byDevice, byReferrer, byVisitor] = await Promise.all([
    table(signalsOf('sig'), SIGNALS.length),
    table(signalsOf('path')),
    table(signalsOf('target', `target <> '' AND target <> 'page' AND sig NOT IN (${fields})`)),
    table(signalsOf('target', `target <> '' AND target <> 'page' AND sig IN (${fields})`)),
    table(signalsOf('device')),
    table(signalsOf('referrer')),
    table(visitorClass),
  ]);

  const dayRows = new Map<string, BreakdownRow>();
  for (const r of await source.run(
    `SELECT ${dayOf('ts')} AS day, sig, count(*) AS events, ${d} AS visitors FROM ${base} WHERE ${signalWhere} GROUP BY ${dayOf('ts')}, sig`,
  )) {
    const key = dayName(n(r.day) * DAY);
    const row = dayRows.get(key) ?? { key, total: { events: 0, visitors: 0 }, signals: {} };
    row.signals[r.sig as SignalName] = { events: n(r.events), visitors: n(r.visitors) };
    dayRows.set(key, row);
  }
  for (const r of await source.run(`SELECT ${dayOf('ts')} AS day, count(*) AS events, ${d} AS visitors FROM ${base} WHERE ${signalWhere} GROUP BY ${dayOf('ts')}`)) {
    const row = dayRows.get(dayName(n(r.day) * DAY));
    if (row) row.total = { events: n(r.events), visitors: n(r.visitors) };
  }
  // Every signal seen at all gets a column and a trend series, however few its visitors.
  const present = new Set<string>();
  for (const row of dayRows.values()) for (const s of Object.keys(row.signals)) present.add(s);
  const signalsPresent = SIGNALS.filter((s) => present.has(s));

  const rules = await ruleReports(source, base, goal, minCount, minSamplePerArm);
  const shadow = await shadowReports(source, base, minCount, maxRows);

  const vitalGroups = (
    await source.run(
      source.vitals(`(SELECT path, vname, unit, vvalue FROM ${base} WHERE type = 'vital' AND vname IN (${list(source, VITALS)}) AND vvalue IS NOT NULL) AS v`),
    )
  ).map((r) => ({ path: String(r.path), name: r.vname as VitalName, visitors: n(r.visitors), p75: n(r.p75) }));
  const vitalPaths = [...new Set(vitalGroups.filter((g) => g.visitors >= minCount).map((g) => g.path))];
  const pageFriction = new Map<string, Cell>();
  if (vitalPaths.length) {
    for (const r of await source.run(
      `SELECT path, count(*) AS events, ${d} AS visitors FROM ${base} WHERE ${signalWhere} AND path IN (${list(source, vitalPaths)}) GROUP BY path`,
    )) {
      pageFriction.set(String(r.path), { events: n(r.events), visitors: n(r.visitors) });
    }
  }

  const events = n(overview?.events);
  return {
    version: 1,
    generatedAt: options.now ?? Date.now(),
    site: site ?? null,
    minCount,
    minSamplePerArm,
    goal,
    period: events ? { from: n(overview?.first), to: n(overview?.last) } : null,
    overview: {
      events,
      visitors: n(overview?.visitors),
      friction: thresholdCell(n(friction?.events), n(friction?.visitors), minCount),
      droppedOnDevice: n(overview?.dropped),
    },
    friction: {
      signals: signalsPresent,
      bySignal,
      byPage,
      byTarget,
      byField,
      bySegment: { device: byDevice, referrer: byReferrer, visitor: byVisitor },
      trend: trendOf([...dayRows.values()], signalsPresent, minCount, maxDays),
    },
    rules,
    shadow,
    vitals: vitalsOf(vitalGroups, (path) => pageFriction.get(path) ?? null, minCount, maxRows),
    notes: reportNotes(minCount, minSamplePerArm, goal),
  };
}

/** Live rules: per visitor unit, the first decision (its arm) and first showing, against each unit's last conversion. */
async function ruleReports(source: SqlReportSource, base: string, goal: string | null, minCount: number, minSamplePerArm: number) {
  const d = source.distinct('unit');
  const conversions = `(SELECT unit, max(ts) AS last FROM ${base} WHERE type = 'conversion'${goal === null ? '' : ` AND goal = ${source.lit(goal)}`} GROUP BY unit) AS c`;
  const decided = `(SELECT rule, unit, min(ts) AS at, ${source.firstBy('holdout', 'ts')} AS arm FROM ${base}
    WHERE type = 'decision' AND rule <> '' AND shadow = 0 AND blocked = '' GROUP BY rule, unit) AS dd`;
  const shown = `(SELECT rule, unit, min(ts) AS at FROM ${base} WHERE type = 'shown' AND rule <> '' GROUP BY rule, unit) AS sh`;
  const counts = new Map<string, RuleCounts>();
  const of = (rule: string) => {
    let c = counts.get(rule);
    if (!c) counts.set(rule, (c = { holdout: 0, holdoutConverted: 0, treatment: 0, treatmentConverted: 0, shown: 0, shownConverted: 0, engaged: 0, dismissed: 0 }));
    return c;
  };
  const converted = `sum(CASE WHEN last >= at THEN 1 ELSE 0 END)`;
  const [arms, shows, reactions] = await Promise.all([
    source.run(`SELECT rule, arm, count(*) AS n, ${converted} AS x FROM ${decided} ${source.leftJoin} ${conversions} USING (unit) GROUP BY rule, arm`),
    source.run(`SELECT rule, count(*) AS n, ${converted} AS x FROM ${shown} ${source.leftJoin} ${conversions} USING (unit) GROUP BY rule`),
    source.run(`SELECT rule, type, ${d} AS n FROM ${base} WHERE type IN ('engaged', 'dismissed') AND rule <> '' GROUP BY rule, type`),
  ]);
  for (const r of arms) {
    const c = of(String(r.rule));
    if (n(r.arm) === 1) [c.holdout, c.holdoutConverted] = [n(r.n), n(r.x)];
    else [c.treatment, c.treatmentConverted] = [n(r.n), n(r.x)];
  }
  for (const r of shows) [of(String(r.rule)).shown, of(String(r.rule)).shownConverted] = [n(r.n), n(r.x)];
  for (const r of reactions) of(String(r.rule))[r.type === 'engaged' ? 'engaged' : 'dismissed'] = n(r.n);
  return [...counts]
    .map(([rule, c]) => reportRuleCounts(rule, c, minCount, minSamplePerArm))
    .sort((a, b) => (b.funnel.eligible ?? 0) - (a.funnel.eligible ?? 0) || (a.rule < b.rule ? -1 : 1));
}

/** Shadow rules: what would have shown and what a guardrail would have blocked, by page and segment. */
async function shadowReports(source: SqlReportSource, base: string, minCount: number, maxRows: number): Promise<ShadowReport[]> {
  const d = source.distinct('unit');
  const where = `type = 'decision' AND rule <> '' AND shadow = 1 AND (blocked = '' OR blocked IN (${list(source, SHADOW_BLOCKS)}))`;
  const sides = new Map<string, { fire: Cell; blocked: Cell }>();
  for (const r of await source.run(
    `SELECT rule, CASE WHEN blocked = '' THEN 0 ELSE 1 END AS side, count(*) AS events, ${d} AS visitors FROM ${base} WHERE ${where} GROUP BY rule, CASE WHEN blocked = '' THEN 0 ELSE 1 END`,
  )) {
    const rule = String(r.rule);
    const entry = sides.get(rule) ?? { fire: { events: 0, visitors: 0 }, blocked: { events: 0, visitors: 0 } };
    entry[n(r.side) === 1 ? 'blocked' : 'fire'] = { events: n(r.events), visitors: n(r.visitors) };
    sides.set(rule, entry);
  }
  const plain = (rule: string, blocked: boolean, key: string, rows = maxRows) =>
    breakdown(
      source,
      { sql: `(SELECT ${key} AS key, unit FROM ${base} WHERE ${where} AND rule = ${source.lit(rule)} AND blocked ${blocked ? "<> ''" : "= ''"})`, signals: false },
      minCount,
      rows,
    );
  const ordered = [...sides].sort(
    ([ra, a], [rb, b]) => b.fire.visitors - a.fire.visitors || b.blocked.visitors - a.blocked.visitors || (ra < rb ? -1 : 1),
  );
  return Promise.all(
    ordered.map(async ([rule, { fire, blocked }]) => {
      const [byPage, byDevice, byReferrer, blockedBy, blockedByPage, blockedByDevice, blockedByReferrer] = await Promise.all([
        plain(rule, false, 'path'),
        plain(rule, false, 'device'),
        plain(rule, false, 'referrer'),
        plain(rule, true, 'blocked', SHADOW_BLOCKS.length),
        plain(rule, true, 'path'),
        plain(rule, true, 'device'),
        plain(rule, true, 'referrer'),
      ]);
      return {
        rule,
        wouldFire: thresholdCell(fire.events, fire.visitors, minCount),
        byPage,
        byDevice,
        byReferrer,
        blocked: thresholdCell(blocked.events, blocked.visitors, minCount),
        blockedBy,
        blockedByPage,
        blockedByDevice,
        blockedByReferrer,
      };
    }),
  );
}
