import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import sqlite from 'node-sqlite3-wasm';
import type { EventStore, StoredEvent } from './event-store';
import { claimSqliteFile } from './sqlite-owner';
import { REPORT_COLUMNS, reportColumns, sqliteBodyColumns, sqliteReportSource } from './report/sql-sources';
import { summarizeSql } from './report/summarize-sql';

/** Options for {@link createSqliteStore}. */
export interface SqliteStoreOptions {
  /** Database file; its folder is created if missing. `':memory:'` keeps it in memory. */
  file: string;
  /** Clock for the `received` stamp; defaults to `Date.now`. */
  now?: () => number;
}

const INSERT = `INSERT INTO events (id, site, type, purpose, ts, path, received, body, ${REPORT_COLUMNS.join(', ')})
  VALUES (${Array(8 + REPORT_COLUMNS.length)
    .fill('?')
    .join(', ')}) ON CONFLICT (id) DO NOTHING`;

// The report's dimensions as columns (see REPORT_COLUMNS), numbers where they are numbers.
const reportColumnTypes: Record<(typeof REPORT_COLUMNS)[number], string> = {
  unit: "TEXT NOT NULL DEFAULT ''",
  vid: "TEXT NOT NULL DEFAULT ''",
  device: "TEXT NOT NULL DEFAULT 'unknown'",
  referrer: "TEXT NOT NULL DEFAULT 'unknown'",
  sig: "TEXT NOT NULL DEFAULT ''",
  target: "TEXT NOT NULL DEFAULT ''",
  rule: "TEXT NOT NULL DEFAULT ''",
  shadow: 'INTEGER NOT NULL DEFAULT 0',
  holdout: 'INTEGER NOT NULL DEFAULT 0',
  blocked: "TEXT NOT NULL DEFAULT ''",
  goal: "TEXT NOT NULL DEFAULT ''",
  vname: "TEXT NOT NULL DEFAULT ''",
  vvalue: 'REAL',
  dcount: 'REAL',
};

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  site TEXT NOT NULL,
  type TEXT NOT NULL,
  purpose TEXT NOT NULL,
  ts REAL NOT NULL,
  path TEXT NOT NULL,
  received INTEGER NOT NULL,
  body TEXT NOT NULL,
  ${REPORT_COLUMNS.map((c) => `${c} ${reportColumnTypes[c]}`).join(',\n  ')}
);
CREATE INDEX IF NOT EXISTS events_site_type ON events (site, type, seq);
`;

/**
 * Gives a table made before the report columns existed those columns, filled from each
 * stored body (in one transaction, so a crash leaves the table as it was), and the
 * report's indexes.
 */
function addReportColumns(db: InstanceType<typeof sqlite.Database>) {
  const have = new Set(db.all('PRAGMA table_info(events)').map((r) => String(r.name)));
  const missing = REPORT_COLUMNS.filter((c) => !have.has(c));
  if (missing.length) {
    const fromBody = sqliteBodyColumns();
    db.exec('BEGIN IMMEDIATE');
    try {
      for (const c of missing) db.exec(`ALTER TABLE events ADD COLUMN ${c} ${reportColumnTypes[c]}`);
      db.exec(`UPDATE events SET ${REPORT_COLUMNS.map((c, i) => `${c} = ${fromBody[i]}`).join(', ')}`);
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }
  db.exec('CREATE INDEX IF NOT EXISTS events_site_ts ON events (site, ts)');
}

/**
 * The default {@link EventStore}: an embedded SQLite database in one file,
 * through node-sqlite3-wasm (pure WebAssembly, so it installs anywhere Node 20
 * runs). The event id is unique and rows go in with `ON CONFLICT (id) DO
 * NOTHING` inside one transaction per batch, so each id is stored once and a
 * batch is stored whole or not at all. (Not `INSERT OR IGNORE`: that would also
 * swallow NOT NULL failures and count a broken row as a duplicate.)
 *
 * One collector process per file: for several processes, use
 * {@link createPostgresStore}. A process that died without closing the store
 * (`kill -9`) leaves a lock behind that the next open clears; see
 * {@link claimSqliteFile} for how and why.
 *
 * @example
 * ```ts
 * const store = createSqliteStore({ file: '.data/attune.sqlite' });
 * ```
 */
export function createSqliteStore({ file, now = Date.now }: SqliteStoreOptions): EventStore {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const claim = file === ':memory:' ? null : claimSqliteFile(file);
  let db: InstanceType<typeof sqlite.Database> | undefined;
  try {
    db = new sqlite.Database(file);
    db.exec(SCHEMA);
    addReportColumns(db);
  } catch (error) {
    if (db?.isOpen) db.close();
    claim?.release();
    throw error;
  }
  // node-sqlite3-wasm's statements live in WebAssembly memory and are never garbage
  // collected: prepare them once and finalize them on close.
  let insertOne = db.prepare(INSERT);
  const countAll = db.prepare('SELECT COUNT(*) AS n FROM events');
  let closed = false;
  const ensureOpen = () => {
    if (closed) throw new Error('store is closed');
  };

  return {
    async insert(events, site) {
      ensureOpen();
      const received = now();
      let stored = 0;
      db.exec('BEGIN IMMEDIATE');
      try {
        for (const e of events) {
          stored += insertOne.run([e.id, site, e.type, e.purpose, e.ts, e.path, received, JSON.stringify(e), ...reportColumns(e)]).changes;
        }
        db.exec('COMMIT');
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        // After a failed step node-sqlite3-wasm cannot reset the statement for new values
        // ("Could not reset statement prior to binding"), so replace it.
        try {
          insertOne.finalize();
        } catch {
          // Finalizing reports the same failure again; the statement is freed regardless.
        }
        insertOne = db.prepare(INSERT);
        throw error;
      }
      return { stored, duplicates: events.length - stored };
    },
    async list({ site, type, limit } = {}) {
      ensureOpen();
      const where: string[] = [];
      const values: (string | number)[] = [];
      if (site !== undefined) {
        where.push('site = ?');
        values.push(site);
      }
      if (type !== undefined) {
        where.push('type = ?');
        values.push(type);
      }
      let sql = `SELECT seq, site, received, body FROM events${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
      if (limit !== undefined) {
        sql = `SELECT * FROM (${sql} ORDER BY seq DESC LIMIT ?)`;
        values.push(Math.max(0, Math.floor(limit)));
      }
      const rows = db.all(`${sql} ORDER BY seq ASC`, values);
      return rows.map((r) => ({
        ...(JSON.parse(r.body as string) as object),
        site: r.site as string,
        received: Number(r.received),
      })) as StoredEvent[];
    },
    async count() {
      ensureOpen();
      return Number(countAll.get()?.n ?? 0);
    },
    async report(options) {
      ensureOpen();
      // node-sqlite3-wasm runs each query synchronously: before each one the report gives the
      // event loop a turn, so /health, ingest and other requests are answered between queries.
      const run = async (sql: string) => {
        await new Promise((resolve) => setImmediate(resolve));
        ensureOpen();
        return db.all(sql) as Record<string, unknown>[];
      };
      return summarizeSql(sqliteReportSource('events', run), options);
    },
    async close() {
      if (closed) return;
      closed = true;
      insertOne.finalize();
      countAll.finalize();
      db.close();
      claim?.release();
    },
  };
}
