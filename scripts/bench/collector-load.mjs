// Collector throughput for `pnpm bench`: the collector's own load driver (autocannon against a
// collector in a child process, with the SQLite file store and a fresh PostgreSQL server), so
// the bench and `packages/collector/scripts/load.mjs` report the same figure the same way.
import { formatLoadTable, runCollectorLoad } from '../../packages/collector/scripts/load-driver.mjs';

/** Events and requests per second, latency and a stored-exactly-once check, per store. */
export const benchCollector = ({ seconds = 10, batch = 20, connections = 8, log } = {}) =>
  runCollectorLoad({ stores: ['sqlite', 'postgres'], seconds, batch, connections, log });

export { formatLoadTable };
