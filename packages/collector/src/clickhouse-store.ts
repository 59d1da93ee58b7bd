import type { EventStore, StoredEvent } from './event-store';
import { filterSql } from './report/sql-sources';
import { summarizeSql, type SqlReportSource } from './report/summarize-sql';
import type { WireEvent } from './wire-batch';

/**
 * The part of a `@clickhouse/client` client the store uses, so the store takes a client
 * from the caller (and the collector does not import the package unless asked to).
 */
export interface ClickhouseClient {
  query(params: { query: string; format: 'JSONEachRow' }): Promise<{ json(): Promise<unknown> }>;
  insert(params: { table: string; values: readonly Record<string, unknown>[]; format: 'JSONEachRow' }): Promise<unknown>;
  command(params: { query: string }): Promise<unknown>;
  close(): Promise<void>;
}

/** Options for {@link createClickhouseStore}. */
export interface ClickhouseStoreOptions {
  /** Usually `createClient({ url: 'http://127.0.0.1:8123' })` from `@clickhouse/client`. Closed when the store closes. */
  client: ClickhouseClient;
  /** Table name. Default `attune_events`. */
  table?: string;
  /** Clock for the `received` stamp. Default `Date.now`. */
  now?: () => number;
}

// Report fields get their own columns at insert: ClickHouse reads only the columns a query names,
// so the report never parses a JSON body. `body` keeps the event as sent for `list()`.
const COLUMNS = `
  id String, site String, seq UInt64, received UInt64, ts Float64, type String, purpose String, path String,
  vid String, device_class String, referrer_class String, sig String, target String, rule String,
  shadow UInt8, holdout UInt8, blocked String, goal String, vname String,
  vvalue Nullable(Float64), dcount Nullable(Float64), body String`;

const quote = (v: string) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const text = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

const rowOf = (e: WireEvent, site: string, seq: number, received: number) => ({
  id: e.id,
  site,
  seq,
  received,
  ts: e.ts,
  type: e.type,
  purpose: e.purpose,
  path: e.path,
  vid: text(e.vid),
  device_class: text(e.device),
  referrer_class: text(e.referrer),
  sig: text(e.signal),
  target: text(e.target),
  rule: text(e.rule),
  shadow: e.shadow === true ? 1 : 0,
  holdout: e.holdout === true ? 1 : 0,
  blocked: text(e.blocked),
  goal: text(e.goal),
  vname: text(e.name),
  vvalue: num(e.value),
  dcount: num(e.count),
  body: JSON.stringify(e),
});

/**
 * An {@link EventStore} in ClickHouse, for sites whose events outgrow one
 * machine: a `ReplacingMergeTree` keyed by `(site, id)`, filled with
 * `JSONEachRow` inserts over HTTP, and reports computed by ClickHouse with
 * plain aggregates (it runs on 18.16, Debian 12's package, and later).
 *
 * Each id once: an insert first asks which of the batch's ids the table
 * holds and inserts only the others (one insert at a time per store, so one
 * collector process counts `stored` and `duplicates` exactly). Several
 * processes can still race on the same id; every read then counts it once
 * (`FINAL` merges rows with the same key at query time; the report checks
 * first whether any id is held twice and uses `FINAL` only then), and
 * background merges drop the copy later. A batch is one INSERT, which ClickHouse applies
 * whole or not at all (one block, under `max_insert_block_size`).
 *
 * @example
 * ```ts
 * import { createClient } from '@clickhouse/client';
 * const store = await createClickhouseStore({ client: createClient({ url: process.env.CLICKHOUSE_URL }) });
 * await startCollector({ store });
 * ```
 */
export async function createClickhouseStore({
  client,
  table = 'attune_events',
  now = Date.now,
}: ClickhouseStoreOptions): Promise<EventStore> {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`table must be a plain lower-case identifier, not ${table}`);
  await client.command({ query: `CREATE TABLE IF NOT EXISTS ${table} (${COLUMNS}) ENGINE = ReplacingMergeTree() ORDER BY (site, id)` });
  const rows = async (query: string) => (await (await client.query({ query, format: 'JSONEachRow' })).json()) as Record<string, unknown>[];
  let closed = false;
  let queue: Promise<unknown> = Promise.resolve();
  let lastSeq = 0;
  const ensureOpen = () => {
    if (closed) throw new Error('store is closed');
  };

  const insertNow = async (events: readonly WireEvent[], site: string) => {
    const fresh = new Map<string, WireEvent>();
    for (const e of events) if (!fresh.has(e.id)) fresh.set(e.id, e);
    if (fresh.size) {
      const held = await rows(`SELECT id FROM ${table} WHERE site = ${quote(site)} AND id IN (${[...fresh.keys()].map(quote).join(', ')})`);
      for (const r of held) fresh.delete(String(r.id));
    }
    if (fresh.size) {
      const received = now();
      // `seq` orders `list()` as the other stores do: arrival order, increasing within the process.
      lastSeq = Math.max(lastSeq, received * 1000);
      await client.insert({ table, values: [...fresh.values()].map((e) => rowOf(e, site, ++lastSeq, received)), format: 'JSONEachRow' });
    }
    return { stored: fresh.size, duplicates: events.length - fresh.size };
  };

  const sourceOf = (final: boolean): SqlReportSource => ({
    events: (filter) => {
      const where = filterSql(filter, quote);
      return `(SELECT * FROM (SELECT id, site, ts, type, path, if(vid != '', concat('v:', vid), concat('e:', id)) AS unit, vid,
          if(device_class != '', device_class, 'unknown') AS device, if(referrer_class != '', referrer_class, 'unknown') AS referrer,
          sig, target, rule, shadow, holdout, blocked, goal, vname, vvalue, dcount
        FROM ${table}${final ? ' FINAL' : ''}${filter.site !== undefined ? ` WHERE site = ${quote(filter.site)}` : ''}) AS raw${where.length ? ` WHERE ${where.join(' AND ')}` : ''}) AS e`;
    },
    lit: quote,
    distinct: (expr) => `uniqExact(${expr})`,
    firstBy: (value, order) => `argMin(${value}, ${order})`,
    // 18.16 has no default join strictness; ANY keeps one row per key, and the right side is grouped by that key already.
    leftJoin: 'ANY LEFT JOIN',
    // Nearest rank: the ⌈0.75·n⌉-th smallest value (arrays count from 1).
    vitals: (relation) =>
      `SELECT path, vname, uniqExact(unit) AS visitors, arrayElement(arraySort(groupArray(vvalue)), toUInt64(intDiv(3 * count() + 3, 4))) AS p75 FROM ${relation} GROUP BY path, vname`,
    dayKey: (ts) => `toString(toUInt64(floor(${ts} / 86400000)))`,
    // ARRAY JOIN repeats each row once per dimension without a join or a branch per dimension.
    unpivot: (rows, columns, dims) =>
      `(SELECT ${columns}, tupleElement(pair, 1) AS dim, tupleElement(pair, 2) AS key FROM ${rows} AS r
        ARRAY JOIN [${dims.map((d) => `tuple(${quote(d.name)}, toString(${d.key}))`).join(', ')}] AS pair)`,
    run: rows,
  });

  /**
   * Whether the site's rows hold an id twice (two processes raced on it and no merge has
   * dropped the copy yet). One scan of 64-bit id hashes: a true duplicate always shows
   * (fewer distinct hashes than rows); a hash collision only makes the report read with
   * `FINAL` when it did not need to, never count an event twice.
   */
  const hasDuplicates = async (site: string | undefined) => {
    const [r] = await rows(
      `SELECT count() AS n, uniqExact(cityHash64(id)) AS u FROM ${table}${site !== undefined ? ` WHERE site = ${quote(site)}` : ''}`,
    );
    return Number(r?.n ?? 0) !== Number(r?.u ?? 0);
  };

  return {
    async insert(events, site) {
      ensureOpen();
      const result = queue.then(() => insertNow(events, site));
      queue = result.catch(() => {});
      return result;
    },
    async list({ site, type, limit } = {}) {
      ensureOpen();
      const where: string[] = [];
      if (site !== undefined) where.push(`site = ${quote(site)}`);
      if (type !== undefined) where.push(`type = ${quote(type)}`);
      let sql = `SELECT seq, site, received, body FROM ${table} FINAL${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
      if (limit !== undefined) sql = `SELECT * FROM (${sql} ORDER BY seq DESC LIMIT ${Math.max(0, Math.floor(limit))})`;
      const found = await rows(`${sql} ORDER BY seq ASC`);
      return found.map((r) => ({
        ...(JSON.parse(String(r.body)) as object),
        site: String(r.site),
        received: Number(r.received),
      })) as StoredEvent[];
    },
    async count() {
      ensureOpen();
      const [r] = await rows(`SELECT count() AS n FROM ${table} FINAL`);
      return Number(r?.n ?? 0);
    },
    async report(options) {
      ensureOpen();
      // FINAL merges rows by key in every query and costs several times a plain scan: the report
      // reads with it only when the site has an id twice, which one cheap scan tells.
      return summarizeSql(sourceOf(await hasDuplicates(options.site)), options);
    },
    async close() {
      if (closed) return;
      closed = true;
      await queue;
      await client.close();
    },
  };
}
