// The load loop shared by `load.mjs` and `pnpm bench`: valid wire batches POSTed over
// loopback by `concurrency` workers for a bounded time. Only ever aimed at a local collector.
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';

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

const batchBody = (site, size) =>
  JSON.stringify({
    v: 1,
    site,
    sent: Date.now(),
    events: Array.from({ length: size }, (_, i) => ({
      id: uuidv7(),
      type: 'signal',
      purpose: 'measurement',
      ts: Date.now(),
      path: '/checkout',
      device: 'desktop',
      signal: i % 2 ? 'rage_click' : 'dead_click',
      target: '[data-attune="pay"]',
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

/**
 * Posts batches of `batch` events to `${url}/collect` from `concurrency` workers for `seconds`.
 * @returns {Promise<{ accepted: number, failed: number, elapsed: number }>} events accepted, failed requests, seconds
 */
export const driveLoad = async (url, { seconds, batch, concurrency, site = 'load' }) => {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  let accepted = 0;
  let failed = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const res = await post(url, agent, batchBody(site, batch));
        if (res.status === 200) accepted += JSON.parse(res.body).accepted;
        else failed++;
      }
    }),
  );
  agent.destroy();
  return { accepted, failed, elapsed: (performance.now() - started) / 1000 };
};
