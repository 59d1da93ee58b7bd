import { thresholdCell } from './breakdown';
import { reportRuleCounts, type RuleCounts } from './rule-funnel';
import type { BreakdownRow, BreakdownTable, Cell, ReportSummary, ShadowReport, SignalName, VitalName } from './report-summary';
import {
  FIELD_SIGNAL_NAMES,
  SHADOW_BLOCKS,
  SIGNALS,
  VITALS,
  dayName,
  reportNotes,
  trendOf,
  vitalsOf,
  type SummarizeOptions,
} from './summarize-events';

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
  /** The UTC day number (`floor(ts / 86 400 000)`) of a time column, as text. */
  dayKey(ts: string): string;
  /**
   * Each row of `rows` (a parenthesised subquery) once per dimension, as a parenthesised
   * subquery of `columns` plus `dim` (the dimension's name) and `key` (its key expression).
   */
  unpivot(rows: string, columns: string, dims: readonly { name: string; key: string }[]): string;
  run(sql: string): Promise<Record<string, unknown>[]>;
}

const n = (v: unknown) => Number(v ?? 0);
const list = (source: SqlReportSource, values: readonly string[]) => values.map((v) => source.lit(v)).join(', ');

/** One way to break rows down: its name, the key expression (`''` leaves a row out), how many rows it shows. */
interface Dimension {
  name: string;
  key: string;
  maxRows: number;
}

interface BreakdownSpec {
  /** A parenthesised subquery (no alias) with `unit`, `sig` when `signals`, the scope columns and what the keys read. */
  rows: string;
  /** Columns that split the tables, such as a shadow rule and its side; none for one set of tables. */
  scope: string[];
  dims: Dimension[];
  signals: boolean;
}

/** One breakdown's table, and every group of it unthresholded (for the trend and page friction). */
interface BreakdownResult {
  table: BreakdownTable;
  all: BreakdownRow[];
}

const SEP = '\u001f';

/**
 * Many breakdowns as {@link createBreakdown} makes them, asked of the database in
 * two to four scans whatever their number: every row is paired with every dimension
 * (`unpivot`), grouped by scope, dimension and key. The rows
 * shown are chosen here (most events first, then by key, at least `minCount`
 * visitors, at most `maxRows`); the groups left out are counted together in one more
 * scan, as `other`. What comes back grows with the groups, never with the events.
 */
async function breakdowns(source: SqlReportSource, spec: BreakdownSpec, minCount: number): Promise<Map<string, BreakdownResult>> {
  const scope = spec.scope.map((c) => `${c}, `).join('');
  const paired = `${source.unpivot(spec.rows, `${scope}unit${spec.signals ? ', sig' : ''}`, spec.dims)} AS u`;
  const idOf = (r: Record<string, unknown>) => [...spec.scope.map((c) => String(r[c])), String(r.dim)].join(SEP);
  const ident = (cols: string[]) => cols.join(` || '${SEP}' || `);

  // Events and distinct visitors per group in two steps, first per group and visitor, then per
  // group: every database here groups far faster than it counts distinct values inside groups.
  const counted = (from: string, cols: string) =>
    `SELECT ${cols}, sum(n) AS events, count(*) AS visitors FROM (SELECT ${cols}, unit, count(*) AS n FROM ${from} GROUP BY ${cols}, unit) AS g GROUP BY ${cols}`;
  const [groups, cells] = await Promise.all([
    source.run(counted(`${paired} WHERE key <> ''`, `${scope}dim, key`)),
    spec.signals ? source.run(counted(`${paired} WHERE key <> ''`, `${scope}dim, key, sig`)) : [],
  ]);
  const signalCells = new Map<string, Partial<Record<SignalName, Cell>>>();
  for (const r of cells) {
    const id = `${idOf(r)}${SEP}${String(r.key)}`;
    const row = signalCells.get(id) ?? {};
    row[r.sig as SignalName] = { events: n(r.events), visitors: n(r.visitors) };
    signalCells.set(id, row);
  }
  const toRow = (k: string, total: Cell, signals: Partial<Record<SignalName, Cell>>, threshold: number): BreakdownRow => {
    const out: BreakdownRow['signals'] = {};
    for (const [signal, cell] of Object.entries(signals)) out[signal as SignalName] = thresholdCell(cell.events, cell.visitors, threshold);
    return { key: k, total, signals: out };
  };
  const grouped = new Map<string, { key: string; total: Cell }[]>();
  for (const r of groups) {
    const id = idOf(r);
    grouped.set(id, [...(grouped.get(id) ?? []), { key: String(r.key), total: { events: n(r.events), visitors: n(r.visitors) } }]);
  }
  const results = new Map<string, BreakdownResult>();
  const shown: string[] = [];
  const foldedIds: string[] = [];
  for (const [id, list] of grouped) {
    const dim = spec.dims.find((x) => id.endsWith(`${SEP}${x.name}`) || id === x.name)!;
    list.sort((a, b) => b.total.events - a.total.events || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const rows: BreakdownRow[] = [];
    for (const g of list) {
      if (g.total.visitors >= minCount && rows.length < dim.maxRows) {
        rows.push(toRow(g.key, g.total, signalCells.get(`${id}${SEP}${g.key}`) ?? {}, minCount));
        shown.push(`${id}${SEP}${g.key}`);
      }
    }
    const folded = list.length - rows.length;
    if (folded > 0) foldedIds.push(id);
    results.set(id, {
      table: { rows, other: null, folded },
      all: list.map((g) => toRow(g.key, g.total, signalCells.get(`${id}${SEP}${g.key}`) ?? {}, 0)),
    });
  }
  if (foldedIds.length) {
    const rest = `${paired} WHERE key <> '' AND ${ident([...spec.scope, 'dim'])} IN (${list(source, foldedIds)})${
      shown.length ? ` AND NOT (${ident([...spec.scope, 'dim', 'key'])} IN (${list(source, shown)}))` : ''
    }`;
    const [totals, restCells] = await Promise.all([
      source.run(counted(rest, `${scope}dim`)),
      spec.signals ? source.run(counted(rest, `${scope}dim, sig`)) : [],
    ]);
    const otherCells = new Map<string, Partial<Record<SignalName, Cell>>>();
    for (const r of restCells) {
      const row = otherCells.get(idOf(r)) ?? {};
      row[r.sig as SignalName] = { events: n(r.events), visitors: n(r.visitors) };
      otherCells.set(idOf(r), row);
    }
    for (const r of totals) {
      const result = results.get(idOf(r));
      if (result && n(r.visitors) >= minCount)
        result.table.other = toRow('other', { events: n(r.events), visitors: n(r.visitors) }, otherCells.get(idOf(r)) ?? {}, minCount);
    }
  }
  return results;
}

const EMPTY: BreakdownResult = { table: { rows: [], other: null, folded: 0 }, all: [] };

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
  const fields = list(source, FIELD_SIGNAL_NAMES);

  const [overview] = await source.run(
    `SELECT count(*) AS events, ${d} AS visitors, min(ts) AS first, max(ts) AS last,
       sum(CASE WHEN type = 'dropped' AND dcount > 0 THEN dcount ELSE 0 END) AS dropped FROM ${base}`,
  );
  const [friction] = await source.run(`SELECT count(*) AS events, ${d} AS visitors FROM ${base} WHERE ${signalWhere}`);

  // Returning: seen on an earlier UTC day than this event's, in the same filtered data.
  const dayOf = (ts: string) => `floor(${ts} / ${DAY})`;
  const signalRows = `(SELECT sig, path, target, device, referrer, unit, vid, ts, fday
    FROM (SELECT sig, path, target, device, referrer, unit, vid, ts FROM ${base} WHERE ${signalWhere}) AS s ${source.leftJoin}
      (SELECT vid, min(${dayOf('ts')}) AS fday FROM ${base} WHERE vid <> '' GROUP BY vid) AS f USING (vid))`;
  const notPage = `target <> '' AND target <> 'page'`;
  const all = Number.MAX_SAFE_INTEGER;
  const tables = await breakdowns(
    source,
    {
      rows: signalRows,
      scope: [],
      signals: true,
      dims: [
        { name: 'signal', key: 'sig', maxRows: SIGNALS.length },
        { name: 'page', key: 'path', maxRows },
        { name: 'target', key: `CASE WHEN ${notPage} AND sig NOT IN (${fields}) THEN target ELSE '' END`, maxRows },
        { name: 'field', key: `CASE WHEN ${notPage} AND sig IN (${fields}) THEN target ELSE '' END`, maxRows },
        { name: 'device', key: 'device', maxRows },
        { name: 'referrer', key: 'referrer', maxRows },
        { name: 'visitor', key: `CASE WHEN vid = '' THEN 'unknown' WHEN ${dayOf('ts')} > fday THEN 'returning' ELSE 'new' END`, maxRows },
        { name: 'day', key: source.dayKey('ts'), maxRows: all },
      ],
    },
    minCount,
  );
  const tableOf = (name: string) => (tables.get(name) ?? EMPTY).table;
  const dayRows = (tables.get('day') ?? EMPTY).all.map((row) => ({ ...row, key: dayName(Number(row.key) * DAY) }));
  // Every signal seen at all gets a column and a trend series, however few its visitors.
  const present = new Set((tables.get('signal') ?? EMPTY).all.map((row) => row.key));
  const signalsPresent = SIGNALS.filter((s) => present.has(s));
  const bySignal = tableOf('signal');

  const rules = await ruleReports(source, base, goal, minCount, minSamplePerArm);
  const shadow = await shadowReports(source, base, minCount, maxRows);

  const vitalGroups = (
    await source.run(
      source.vitals(
        `(SELECT path, vname, unit, vvalue FROM ${base} WHERE type = 'vital' AND vname IN (${list(source, VITALS)}) AND vvalue IS NOT NULL) AS v`,
      ),
    )
  ).map((r) => ({ path: String(r.path), name: r.vname as VitalName, visitors: n(r.visitors), p75: n(r.p75) }));
  const pageFriction = new Map((tables.get('page') ?? EMPTY).all.map((row) => [row.key, row.total]));

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
      byPage: tableOf('page'),
      byTarget: tableOf('target'),
      byField: tableOf('field'),
      bySegment: { device: tableOf('device'), referrer: tableOf('referrer'), visitor: tableOf('visitor') },
      trend: trendOf(dayRows, signalsPresent, minCount, maxDays),
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
    if (!c)
      counts.set(
        rule,
        (c = {
          holdout: 0,
          holdoutConverted: 0,
          treatment: 0,
          treatmentConverted: 0,
          shown: 0,
          shownConverted: 0,
          engaged: 0,
          dismissed: 0,
        }),
      );
    return c;
  };
  const converted = `sum(CASE WHEN last >= at THEN 1 ELSE 0 END)`;
  const [arms, shows, reactions] = await Promise.all([
    source.run(
      `SELECT rule, arm, count(*) AS n, ${converted} AS x FROM ${decided} ${source.leftJoin} ${conversions} USING (unit) GROUP BY rule, arm`,
    ),
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
  const tables = await breakdowns(
    source,
    {
      rows: `(SELECT rule, CASE WHEN blocked = '' THEN 'fire' ELSE 'blocked' END AS side, path, device, referrer, blocked, unit FROM ${base} WHERE ${where})`,
      scope: ['rule', 'side'],
      signals: false,
      dims: [
        { name: 'page', key: 'path', maxRows },
        { name: 'device', key: 'device', maxRows },
        { name: 'referrer', key: 'referrer', maxRows },
        { name: 'guard', key: 'blocked', maxRows: SHADOW_BLOCKS.length },
      ],
    },
    minCount,
  );
  const of = (rule: string, side: string, dim: string) => (tables.get([rule, side, dim].join(SEP)) ?? EMPTY).table;
  return [...sides]
    .sort(([ra, a], [rb, b]) => b.fire.visitors - a.fire.visitors || b.blocked.visitors - a.blocked.visitors || (ra < rb ? -1 : 1))
    .map(([rule, { fire, blocked }]) => ({
      rule,
      wouldFire: thresholdCell(fire.events, fire.visitors, minCount),
      byPage: of(rule, 'fire', 'page'),
      byDevice: of(rule, 'fire', 'device'),
      byReferrer: of(rule, 'fire', 'referrer'),
      blocked: thresholdCell(blocked.events, blocked.visitors, minCount),
      blockedBy: of(rule, 'blocked', 'guard'),
      blockedByPage: of(rule, 'blocked', 'page'),
      blockedByDevice: of(rule, 'blocked', 'device'),
      blockedByReferrer: of(rule, 'blocked', 'referrer'),
    }));
}
