// A pass-through proxy in front of the collector that counts what the page sends it: requests
// by method and request-body bytes. Counting here, not in the browser, also catches the
// keepalive fetches and beacons sent while the page unloads, which DevTools events can miss.
import { createServer, request } from 'node:http';

/** Starts a proxy to `target` (a base URL); `take()` returns the counts so far and resets them. */
export const startCountingProxy = async (target) => {
  let counts = { posts: 0, bytes: 0, other: 0 };
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (req.method === 'POST') {
        counts.posts++;
        counts.bytes += body.length;
      } else counts.other++;
      const headers = { ...req.headers, host: new URL(target).host, 'content-length': String(body.length) };
      const forward = request(new URL(req.url, target), { method: req.method, headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      forward.on('error', () => res.writeHead(502).end());
      forward.end(body);
    });
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    take() {
      const taken = counts;
      counts = { posts: 0, bytes: 0, other: 0 };
      return taken;
    },
    close: () => new Promise((ok) => server.close(() => ok())),
  };
};
