// Collector throughput: wire batches POSTed over loopback for a bounded time to a collector
// in a child process, once per store. The batch shape follows packages/collector/scripts/load.mjs
// (which prints rather than returns, so it is not imported).
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';

const child = fileURLToPath(new URL('./collector-process.mjs', import.meta.url));

// A UUIDv7-shaped id: 48-bit time, version 7, variant 10, random rest.
const uuidv7 = () => {
  const r = randomUUID().replace(/-/g, '').split('');
  const t = Date.now().toString(16).padStart(12, '0');
  for (let i = 0; i < 12; i++) r[i] = t[i];
  r[12] = '7';
  r[16] = '89ab'[parseInt(r[16], 16) & 3];
  const h = r.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

const batchBody = (size) =>
  JSON.stringify({
    v: 1,
    site: 'bench',
    sent: Date.now(),
    events: Array.from({ length: size }, (_, i) => ({
      id: uuidv7(),
      type: 'signal',
      purpose: 'measurement',
      ts: Date.now(),
      path: '/pricing',
      device: 'desktop',
      signal: i % 2 ? 'rage_click' : 'dead_click',
      target: 'pricing/plan-team',
      count: 3,
      confidence: 'normal',
    })),
  });

const post = (url, agent, text) =>
  new Promise((resolve, reject) => {
    const req = request(`${url}/collect`, { method: 'POST', agent, headers: { 'content-type': 'text/plain;charset=UTF-8' } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(text);
  });

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
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  let accepted = 0;
  let failed = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const res = await post(url, agent, batchBody(batch));
        if (res.status === 200) accepted += JSON.parse(res.body).accepted;
        else failed++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
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
