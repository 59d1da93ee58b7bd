// The PostgreSQL helper lives in scripts/ as plain ESM, so the load script can start a server too.
export { findPostgres, startPostgres } from '../scripts/postgres-server.mjs';
export type { FoundPostgres, TestPostgres } from '../scripts/postgres-server.mjs';
