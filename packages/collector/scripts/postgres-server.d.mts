/** Where Debian's `postgresql` package put initdb and pg_ctl, or why none can be used. */
export type FoundPostgres = { bin: string; runAs: string | null } | { missing: string };

/** A throwaway PostgreSQL server, trusting local connections. */
export interface TestPostgres {
  /** The server's version, such as `15.14 (Debian 15.14-0+deb12u1)`. */
  version: string;
  /** Connection URL for a database of that name (default `postgres`). */
  url(database?: string): string;
  /** Stops the server and deletes its folder. */
  stop(): Promise<void>;
}

export function findPostgres(): FoundPostgres;

/** Starts a fresh cluster in a temporary folder on a free port; `fsync` defaults to off. */
export function startPostgres(found: { bin: string; runAs: string | null }, options?: { fsync?: boolean }): Promise<TestPostgres>;
