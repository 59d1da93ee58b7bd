// Collector throughput: wire batches POSTed over loopback for a bounded time to a collector
// in a child process, once per store, with the collector's own load driver.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { driveLoad } from '../../packages/collector/scripts/load-driver.mjs';

const child = fileURLToPath(new URL('./collector-process.mjs', import.meta.url));

const ask = (proc, message, key) =>
  new Promise((resolve) => {
    const on = (reply) => {
      if (key in reply) {
        proc.off('message', on);
        resolve(reply[key]);
      }
    };
    proc.on('message', on);
    proc.send(message);
  });

const loadOne = async (store, { seconds, batch, concurrency }) => {
  const proc = fork(child, [store], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const url = await new Promise((resolve, reject) => {
    proc.once('message', (m) => resolve(m.url));
    proc.once('error', reject);
    proc.once('exit', (code) => reject(new Error(`collector process exited (${code})`)));
  });
  const { accepted, failed, elapsed } = await driveLoad(url, { seconds, batch, concurrency, site: 'bench' });
  const stored = await ask(proc, 'count', 'stored');
  proc.removeAllListeners('exit');
  await new Promise((resolve) => {
    proc.once('exit', resolve);
    proc.send('close');
  });
  return { store, eventsPerSecond: Math.round(accepted / elapsed), accepted, stored, failedRequests: failed, seconds: +elapsed.toFixed(1), batch, concurrency };
};

/** Events per second the collector accepts with each store (memory, SQLite file). */
export const benchCollector = async ({ seconds = 5, batch = 50, concurrency = 8, stores = ['memory', 'sqlite'] } = {}) => {
  const rows = [];
  for (const store of stores) rows.push(await loadOne(store, { seconds, batch, concurrency }));
  return rows;
};
