// The ClickHouse helper lives in scripts/ as plain ESM, so the load script can start a server too.
export { findClickhouse, startClickhouse } from '../scripts/clickhouse-server.mjs';
export type { FoundClickhouse, TestClickhouse } from '../scripts/clickhouse-server.mjs';
