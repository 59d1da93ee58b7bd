import type { EventFilter, SqlReportSource } from './summarize-sql';

/** How a database reads one field of a stored event's JSON body. */
interface BodyAccess {
  /** The table (or other relation) holding `id, site, type, ts, path` and the JSON body. */
  table: string;
  /** The field as text, NULL when missing. */
  text(field: string): string;
  /** 1 when the field is JSON `true`, else 0. */
  flag(field: string): string;
  /** The field as a number, NULL when missing or not a number. */
  num(field: string): string;
  lit(value: string): string;
}

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

/** The normalised event relation of {@link SqlReportSource.events} over a table of JSON bodies. */
const bodyEvents = (a: BodyAccess, filter: EventFilter): string => {
  const t = (field: string) => `COALESCE(${a.text(field)}, '')`;
  const where = filterSql(filter, a.lit);
  return `(SELECT * FROM (SELECT id, site, ts, type, path,
      CASE WHEN ${t('vid')} <> '' THEN 'v:' || ${t('vid')} ELSE 'e:' || id END AS unit, ${t('vid')} AS vid,
      CASE WHEN ${t('device')} <> '' THEN ${t('device')} ELSE 'unknown' END AS device,
      CASE WHEN ${t('referrer')} <> '' THEN ${t('referrer')} ELSE 'unknown' END AS referrer,
      ${t('signal')} AS sig, ${t('target')} AS target, ${t('rule')} AS rule, ${a.flag('shadow')} AS shadow, ${a.flag('holdout')} AS holdout,
      ${t('blocked')} AS blocked, ${t('goal')} AS goal, ${t('name')} AS vname, ${a.num('value')} AS vvalue, ${a.num('count')} AS dcount
    FROM ${a.table}${filter.site !== undefined ? ` WHERE site = ${a.lit(filter.site)}` : ''}) AS raw${where.length ? ` WHERE ${where.join(' AND ')}` : ''}) AS e`;
};

const quote = (v: string) => `'${v.replace(/'/g, "''")}'`;

/**
 * The report's queries in SQLite (the JSON1 functions and window functions are built
 * into node-sqlite3-wasm). Holdout of the first decision: SQLite takes bare columns
 * from the row that holds the one `min()` of the query
 * (https://www.sqlite.org/lang_select.html#bareagg).
 */
export function sqliteReportSource(table: string, run: (sql: string) => Promise<Record<string, unknown>[]>): SqlReportSource {
  return {
    events: (filter) =>
      bodyEvents(
        {
          table,
          text: (f) => `json_extract(body, '$.${f}')`,
          flag: (f) => `CASE WHEN json_type(body, '$.${f}') = 'true' THEN 1 ELSE 0 END`,
          num: (f) => `CASE WHEN json_type(body, '$.${f}') IN ('integer', 'real') THEN json_extract(body, '$.${f}') END`,
          lit: quote,
        },
        filter,
      ),
    lit: quote,
    distinct: (expr) => `count(DISTINCT ${expr})`,
    firstBy: (value) => value,
    leftJoin: 'LEFT JOIN',
    vitals: (relation) => `SELECT path, vname, count(DISTINCT unit) AS visitors, max(CASE WHEN rn = (3 * cnt + 3) / 4 THEN vvalue END) AS p75
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

/** The report's queries in PostgreSQL, over the JSONB body. */
export function postgresReportSource(table: string, run: (sql: string) => Promise<Record<string, unknown>[]>): SqlReportSource {
  return {
    events: (filter) =>
      bodyEvents(
        {
          table,
          text: (f) => `(body->>'${f}')`,
          flag: (f) => `CASE WHEN body->'${f}' = 'true'::jsonb THEN 1 ELSE 0 END`,
          num: (f) => `CASE WHEN jsonb_typeof(body->'${f}') = 'number' THEN (body->>'${f}')::float8 END`,
          lit: quote,
        },
        filter,
      ),
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
