/** Where Debian's `clickhouse-server` package put the server, or why there is none. */
export type FoundClickhouse = { bin: string } | { missing: string };

/** A throwaway ClickHouse server on loopback, user `default` without a password. */
export interface TestClickhouse {
  /** The server's version, such as `18.16.1`. */
  version: string;
  /** Its HTTP interface, such as `http://127.0.0.1:41234`. */
  url: string;
  /** Stops the server and deletes its folder. */
  stop(): Promise<void>;
}

export function findClickhouse(): FoundClickhouse;

/** Starts a server with its own config and data in a temporary folder, on free loopback ports. */
export function startClickhouse(found: { bin: string }, options?: { memoryBytes?: number }): Promise<TestClickhouse>;
