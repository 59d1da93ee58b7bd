import type { EventStore, StoredEvent } from './event-store';
import { REPORT_COLUMNS, postgresBodyColumns, postgresReportSource, reportColumns } from './report/sql-sources';

// The report's dimensions as columns (see REPORT_COLUMNS), written at insert.
const reportColumnTypes: Record<(typeof REPORT_COLUMNS)[number], string> = {
  unit: "TEXT NOT NULL DEFAULT ''",
  vid: "TEXT NOT NULL DEFAULT ''",
  device: "TEXT NOT NULL DEFAULT 'unknown'",
  referrer: "TEXT NOT NULL DEFAULT 'unknown'",
  sig: "TEXT NOT NULL DEFAULT ''",
  target: "TEXT NOT NULL DEFAULT ''",
  rule: "TEXT NOT NULL DEFAULT ''",
  shadow: 'SMALLINT NOT NULL DEFAULT 0',
  holdout: 'SMALLINT NOT NULL DEFAULT 0',
  blocked: "TEXT NOT NULL DEFAULT ''",
  goal: "TEXT NOT NULL DEFAULT ''",
  vname: "TEXT NOT NULL DEFAULT ''",
  vvalue: 'DOUBLE PRECISION',
  dcount: 'DOUBLE PRECISION',
};
const pgArrayType = (c: string) => (c === 'shadow' || c === 'holdout' ? 'int2' : c === 'vvalue' || c === 'dcount' ? 'float8' : 'text');
import { summarizeSql } from './report/summarize-sql';

/**
 * The part of a `pg.Pool` the PostgreSQL store uses, so the store takes a
 * pool from the caller (and tests can pass their own) instead of importing `pg`.
 */
export interface PgPool {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[]; rowCount: number | null }>;
  end(): Promise<void>;
}

/** Options for {@link createPostgresStore}. */
export interface PostgresStoreOptions {
  /** A connection pool, usually `new pg.Pool({ connectionString })`. Ended when the store closes. */
  pool: PgPool;
  /** Table name. Default `attune_events`. */
  table?: string;
  /** Clock for the `received` stamp. Default `Date.now`. */
  now?: () => number;
}

/**
 * An {@link EventStore} in PostgreSQL, for deployments with several collector
 * processes behind a load balancer. The event id is unique and each batch is
 * one `INSERT … ON CONFLICT (id) DO NOTHING` statement, so any number of
 * processes can share one database without storing an event twice, and a
 * batch is stored whole or not at all. Rows go in in id order, so processes
 * inserting overlapping batches at once never deadlock. Creates its table if missing.
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * const store = await createPostgresStore({ pool: new pg.Pool({ connectionString: process.env.DATABASE_URL }) });
 * await startCollector({ store });
 * ```
 */
export async function createPostgresStore({ pool, table = 'attune_events', now = Date.now }: PostgresStoreOptions): Promise<EventStore> {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`table must be a plain lower-case identifier, not ${table}`);
  const fromBody = postgresBodyColumns();
  // One multi-statement query runs in one implicit transaction on one connection, so the
  // advisory lock keeps two processes starting at once from racing on CREATE TABLE.
  await pool.query(`
    SELECT pg_advisory_xact_lock(hashtext('attune:${table}'));
    CREATE TABLE IF NOT EXISTS ${table} (
      seq BIGSERIAL PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      site TEXT NOT NULL,
      type TEXT NOT NULL,
      purpose TEXT NOT NULL,
      ts DOUBLE PRECISION NOT NULL,
      path TEXT NOT NULL,
      received BIGINT NOT NULL,
      body JSONB NOT NULL,
      ${REPORT_COLUMNS.map((c) => `${c} ${reportColumnTypes[c]}`).join(',\n      ')}
    );
    CREATE INDEX IF NOT EXISTS ${table}_site_type ON ${table} (site, type, seq);
    DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '${table}' AND column_name = 'unit') THEN
        ALTER TABLE ${table} ${REPORT_COLUMNS.map((c) => `ADD COLUMN ${c} ${reportColumnTypes[c]}`).join(', ')};
        UPDATE ${table} SET ${REPORT_COLUMNS.map((c, i) => `${c} = ${fromBody[i]}`).join(', ')};
      END IF;
    END $$;
    CREATE INDEX IF NOT EXISTS ${table}_site_ts ON ${table} (site, ts);
  `);
  let closed = false;
  const ensureOpen = () => {
    if (closed) throw new Error('store is closed');
  };

  return {
    async insert(events, site) {
      ensureOpen();
      if (events.length === 0) return { stored: 0, duplicates: 0 };
      // Rows go in by id, not in batch order: two processes inserting overlapping batches
      // then wait on each other's ids in the same order and cannot deadlock. UUIDv7 ids sort
      // by the time they were made, so `seq` still runs oldest first.
      const columns = events.map((e) => reportColumns(e));
      const result = await pool.query(
        `INSERT INTO ${table} (id, site, type, purpose, ts, path, received, body, ${REPORT_COLUMNS.join(', ')})
         SELECT id, $2, type, purpose, ts, path, $3, body, ${REPORT_COLUMNS.join(', ')}
         FROM unnest($1::text[], $4::text[], $5::text[], $6::float8[], $7::text[], $8::jsonb[],
           ${REPORT_COLUMNS.map((c, i) => `$${9 + i}::${pgArrayType(c)}[]`).join(', ')})
           AS e(id, type, purpose, ts, path, body, ${REPORT_COLUMNS.join(', ')})
         ORDER BY id COLLATE "C"
         ON CONFLICT (id) DO NOTHING`,
        [
          events.map((e) => e.id),
          site,
          now(),
          events.map((e) => e.type),
          events.map((e) => e.purpose),
          events.map((e) => e.ts),
          events.map((e) => e.path),
          events.map((e) => JSON.stringify(e)),
          ...REPORT_COLUMNS.map((_, i) => columns.map((row) => row[i])),
        ],
      );
      const stored = result.rowCount ?? 0;
      return { stored, duplicates: events.length - stored };
    },
    async list({ site, type, limit } = {}) {
      ensureOpen();
      const where: string[] = [];
      const values: unknown[] = [];
      if (site !== undefined) where.push(`site = $${values.push(site)}`);
      if (type !== undefined) where.push(`type = $${values.push(type)}`);
      let sql = `SELECT seq, site, received, body FROM ${table}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
      if (limit !== undefined)
        sql = `SELECT * FROM (${sql} ORDER BY seq DESC LIMIT $${values.push(Math.max(0, Math.floor(limit)))}) AS newest`;
      const { rows } = await pool.query(`${sql} ORDER BY seq ASC`, values);
      return rows.map((r) => ({ ...(r.body as object), site: r.site as string, received: Number(r.received) })) as StoredEvent[];
    },
    async count() {
      ensureOpen();
      const { rows } = await pool.query(`SELECT COUNT(*) AS n FROM ${table}`);
      return Number(rows[0]?.n ?? 0);
    },
    async report(options) {
      ensureOpen();
      // The breakdowns group a few hundred thousand rows per million events by dimension and key;
      // with the default 4 MB of work_mem PostgreSQL sorts them on disk. SET LOCAL lasts for this
      // one query: a multi-statement query is one implicit transaction.
      const run = async (sql: string) => {
        const results = (await pool.query(`SET LOCAL work_mem = '64MB'; ${sql}`)) as unknown as { rows: Record<string, unknown>[] }[];
        return results[results.length - 1]!.rows;
      };
      return summarizeSql(postgresReportSource(table, run), options);
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
