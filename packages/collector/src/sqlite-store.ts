import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import sqlite from 'node-sqlite3-wasm';
import type { EventStore, StoredEvent } from './event-store';
import { claimSqliteFile } from './sqlite-owner';
import { sqliteReportSource } from './report/sql-sources';
import { summarizeSql } from './report/summarize-sql';

/** Options for {@link createSqliteStore}. */
export interface SqliteStoreOptions {
  /** Database file; its folder is created if missing. `':memory:'` keeps it in memory. */
  file: string;
  /** Clock for the `received` stamp; defaults to `Date.now`. */
  now?: () => number;
}

const INSERT =
  'INSERT INTO events (id, site, type, purpose, ts, path, received, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING';

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
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_site_type ON events (site, type, seq);
`;

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
          stored += insertOne.run([e.id, site, e.type, e.purpose, e.ts, e.path, received, JSON.stringify(e)]).changes;
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
      return summarizeSql(sqliteReportSource('events', async (sql) => db.all(sql) as Record<string, unknown>[]), options);
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
