import type { EventFilter, SqlReportSource } from './summarize-sql';

/** The filter as SQL conditions on the normalised columns (`device` and `referrer` after defaulting to `unknown`). */
export const filterSql = (filter: EventFilter, lit: (v: string) => string): string[] => {
  const where: string[] = [];
  if (filter.site !== undefined) where.push(`site = ${lit(filter.site)}`);
  if (filter.from !== undefined) where.push(`ts >= ${Number(filter.from)}`);
  if (filter.to !== undefined) where.push(`ts < ${Number(filter.to)}`);
  if (filter.device !== undefined) where.push(`device = ${lit(filter.device)}`);
  if (filter.referrer !== undefined) where.push(`referrer = ${lit(filter.referrer)}`);
  return where;
};

/**
 * The report's dimensions as real columns, written once at insert (by {@link reportColumns})
 * so no query parses a JSON body: `unit`, `vid`, `device` and `referrer` (already
 * `'unknown'` when missing), `sig`, `target`, `rule`, `shadow`, `holdout`, `blocked`, `goal`,
 * `vname` (text, `''` when missing), `vvalue` and `dcount` (numbers, NULL when missing).
 */
export const REPORT_COLUMNS = [
  'unit',
  'vid',
  'device',
  'referrer',
  'sig',
  'target',
  'rule',
  'shadow',
  'holdout',
  'blocked',
  'goal',
  'vname',
  'vvalue',
  'dcount',
] as const;

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** One event's {@link REPORT_COLUMNS} values, in that order. */
export const reportColumns = (e: { id: string } & Record<string, unknown>): (string | number | null)[] => [
  text(e.vid) !== '' ? `v:${text(e.vid)}` : `e:${e.id}`,
  text(e.vid),
  text(e.device) || 'unknown',
  text(e.referrer) || 'unknown',
  text(e.signal),
  text(e.target),
  text(e.rule),
  e.shadow === true ? 1 : 0,
  e.holdout === true ? 1 : 0,
  text(e.blocked),
  text(e.goal),
  text(e.name),
  num(e.value),
  num(e.count),
];

/**
 * {@link REPORT_COLUMNS} computed in SQL from a stored JSON body, in that order: fills the columns
 * of rows stored before they existed. `text`, `flag` and `num` read one field as text (NULL
 * when missing), 1 or 0 for JSON `true`, and a number (NULL when not one).
 */
export const reportColumnsFromBody = (text: (f: string) => string, flag: (f: string) => string, num: (f: string) => string): string[] => {
  const t = (field: string) => `COALESCE(${text(field)}, '')`;
  return [
    `CASE WHEN ${t('vid')} <> '' THEN 'v:' || ${t('vid')} ELSE 'e:' || id END`,
    t('vid'),
    `CASE WHEN ${t('device')} <> '' THEN ${t('device')} ELSE 'unknown' END`,
    `CASE WHEN ${t('referrer')} <> '' THEN ${t('referrer')} ELSE 'unknown' END`,
    t('signal'),
    t('target'),
    t('rule'),
    flag('shadow'),
    flag('holdout'),
    t('blocked'),
    t('goal'),
    t('name'),
    num('value'),
    num('count'),
  ];
};

/** The event relation of {@link SqlReportSource.events} over a table with {@link REPORT_COLUMNS}. */
export const columnEvents = (table: string, filter: EventFilter, lit: (v: string) => string): string => {
  const where = filterSql(filter, lit);
  return `(SELECT id, site, ts, type, path, ${REPORT_COLUMNS.join(', ')} FROM ${table}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}) AS e`;
};

/** SQLite's reading of a JSON body, for {@link reportColumnsFromBody}. */
export const sqliteBodyColumns = (): string[] =>
  reportColumnsFromBody(
    (f) => `json_extract(body, '$.${f}')`,
    (f) => `CASE WHEN json_type(body, '$.${f}') = 'true' THEN 1 ELSE 0 END`,
    (f) => `CASE WHEN json_type(body, '$.${f}') IN ('integer', 'real') THEN json_extract(body, '$.${f}') END`,
  );

/** PostgreSQL's reading of a JSONB body, for {@link reportColumnsFromBody}. */
export const postgresBodyColumns = (): string[] =>
  reportColumnsFromBody(
    (f) => `(body->>'${f}')`,
    (f) => `CASE WHEN body->'${f}' = 'true'::jsonb THEN 1 ELSE 0 END`,
    (f) => `CASE WHEN jsonb_typeof(body->'${f}') = 'number' THEN (body->>'${f}')::float8 END`,
  );

const quote = (v: string) => `'${v.replace(/'/g, "''")}'`;

/**
 * The report's queries in SQLite (the JSON1 functions and window functions are built
 * into node-sqlite3-wasm). Holdout of the first decision: SQLite takes bare columns
 * from the row that holds the one `min()` of the query
 * (https://www.sqlite.org/lang_select.html#bareagg).
 */
export function sqliteReportSource(table: string, run: (sql: string) => Promise<Record<string, unknown>[]>): SqlReportSource {
  return {
    events: (filter) => columnEvents(table, filter, quote),
    lit: quote,
    distinct: (expr) => `count(DISTINCT ${expr})`,
    firstBy: (value) => value,
    leftJoin: 'LEFT JOIN',
    vitals: (
      relation,
    ) => `SELECT path, vname, count(DISTINCT unit) AS visitors, max(CASE WHEN rn = (3 * cnt + 3) / 4 THEN vvalue END) AS p75
      FROM (SELECT path, vname, unit, vvalue, ROW_NUMBER() OVER (PARTITION BY path, vname ORDER BY vvalue) AS rn,
        COUNT(*) OVER (PARTITION BY path, vname) AS cnt FROM ${relation}) AS w GROUP BY path, vname`,
    unpivot: (rows, columns, dims) =>
      `(SELECT ${columns}, dim, CASE ${dims.map((d) => `WHEN dim = ${quote(d.name)} THEN ${d.key}`).join(' ')} ELSE '' END AS key
        FROM ${rows} AS r CROSS JOIN (${dims.map((d) => `SELECT ${quote(d.name)} AS dim`).join(' UNION ALL ')}) AS d)`,
    // ts is never negative, so truncating is flooring.
    dayKey: (ts) => `CAST(CAST(${ts} / 86400000 AS INTEGER) AS TEXT)`,
    run,
  };
}

/** The report's queries in PostgreSQL, over the report columns. */
export function postgresReportSource(table: string, run: (sql: string) => Promise<Record<string, unknown>[]>): SqlReportSource {
  return {
    events: (filter) => columnEvents(table, filter, quote),
    lit: quote,
    distinct: (expr) => `count(DISTINCT ${expr})`,
    firstBy: (value, order) => `(array_agg(${value} ORDER BY ${order}))[1]`,
    leftJoin: 'LEFT JOIN',
    // percentile_disc is the nearest-rank percentile: the first value whose cumulative share reaches 0.75.
    vitals: (relation) =>
      `SELECT path, vname, count(DISTINCT unit) AS visitors, percentile_disc(0.75) WITHIN GROUP (ORDER BY vvalue) AS p75 FROM ${relation} GROUP BY path, vname`,
    dayKey: (ts) => `floor(${ts} / 86400000)::bigint::text`,
    unpivot: (rows, columns, dims) =>
      `(SELECT ${columns}, d.dim, d.key FROM ${rows} AS r CROSS JOIN LATERAL (VALUES ${dims.map((d) => `(${quote(d.name)}, ${d.key})`).join(', ')}) AS d(dim, key))`,
    run,
  };
}
