import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { post, send } from '../test/http-client';
import { batchOf, signals } from '../test/wire-fixtures';
import { createCollectorHandler, type CollectorOptions } from './collector-handler';
import type { EventStore } from './event-store';
import { createMemoryStore } from './memory-store';

const ORIGIN = 'https://shop.example';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

// Mounts the handler in a server of our own, as a demo server would.
const mount = async (options: CollectorOptions = {}) => {
  const handler = createCollectorHandler({ onError: () => {}, onWarn: () => {}, ...options });
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/site')) return void res.end('the site');
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { handler, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
};

describe('createCollectorHandler', () => {
  it('mounts inside another node:http server next to its own routes', async () => {
    const { url, handler } = await mount();
    expect((await send(`${url}/site`)).body).toBe('the site');
    expect((await post(url, batchOf(signals(2)))).body).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    expect(await handler.store.count()).toBe(2);
  });

  it('never takes Host as proof of the same origin: a page on its own host is refused unless listed (the DNS-rebinding shape)', async () => {
    const { url, handler } = await mount();
    const port = new URL(url).port;
    // A hostile name resolving to the collector: the browser sends Origin and Host of that name.
    const rebound = await post(url, batchOf(), { Origin: `http://evil.example:${port}`, Host: `evil.example:${port}` });
    expect(rebound.status).toBe(403);
    expect(rebound.headers['access-control-allow-origin']).toBeUndefined();
    expect((await post(url, batchOf(), { Origin: url })).status).toBe(403);
    expect(await handler.store.count()).toBe(0);
    const listed = await mount({ allowedOrigins: ['http://127.0.0.1:1'] });
    expect((await post(listed.url, batchOf(), { Origin: 'http://127.0.0.1:1' })).status).toBe(200);
  });

  it('compares scheme, host and port with the allowlist: the same host under another scheme or port is refused', async () => {
    const { url, handler } = await mount({ allowedOrigins: [ORIGIN] });
    for (const origin of ['http://shop.example', 'https://shop.example:8443', 'https://shop.example.evil.example']) {
      const res = await post(url, batchOf(), { Origin: origin, Host: new URL(origin).host });
      expect(res.status).toBe(403);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    }
    expect(await handler.store.count()).toBe(0);
    expect((await post(url, batchOf(), { Origin: ORIGIN })).status).toBe(200);
  });

  it('answers 503 with Retry-After and closes the connection once closing', async () => {
    const { url, handler } = await mount();
    await handler.close();
    const res = await post(url, batchOf());
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.headers.connection).toBe('close');
  });

  it('answers 503 during shutdown with CORS headers for an allowed origin, so the page can read it and its Retry-After', async () => {
    const { url, handler } = await mount({ allowedOrigins: [ORIGIN] });
    await handler.close();
    const res = await post(url, batchOf(), { Origin: ORIGIN, 'Content-Type': 'text/plain' });
    expect(res.status).toBe(503);
    expect(res.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(res.headers['access-control-expose-headers']).toBe('Retry-After');
    expect(res.headers.vary).toBe('Origin');
    const denied = await post(url, batchOf(), { Origin: 'https://evil.example' });
    expect(denied.status).toBe(503);
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers an unexpected error with 500 and CORS headers for an allowed origin', async () => {
    const broken: EventStore = { ...createMemoryStore(), list: async () => Promise.reject(new Error('index lost')) };
    const errors: unknown[] = [];
    const { url } = await mount({ allowedOrigins: [ORIGIN], store: broken, exposeEvents: true, onError: (e) => errors.push(e) });
    const res = await send(`${url}/events`, { headers: { Origin: ORIGIN } });
    expect(res.status).toBe(500);
    expect(res.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(errors).toHaveLength(1);
  });

  it('carries CORS headers on every refusal of a POST from an allowed origin', async () => {
    const { url } = await mount({ allowedOrigins: [ORIGIN], maxBodyBytes: 1024, rateLimit: { burst: 5, perSecond: 0.01 } });
    const h = { Origin: ORIGIN };
    const answers = [
      await post(url, '{', h),
      await post(url, batchOf(), { ...h, 'Content-Type': 'application/x-www-form-urlencoded' }),
      await post(url, batchOf(signals(20)), h),
      await post(url, { ...batchOf(), v: 2 }, h),
      await post(url, batchOf(), h),
      await post(url, batchOf(), h),
      await send(`${url}/collect`, { method: 'GET', headers: h }),
      await send(`${url}/nope`, { headers: h }),
    ];
    expect(answers.map((a) => a.status)).toEqual([400, 415, 413, 400, 200, 429, 405, 404]);
    for (const a of answers) expect(a.headers['access-control-allow-origin']).toBe(ORIGIN);
  });

  it('stores the valid events of a batch, lists the rejected ones, and answers 207 (a 2xx) so the client does not resend them', async () => {
    const { url, handler } = await mount();
    const [a, b, c] = signals(3);
    const res = await post(url, batchOf([{ ...a!, target: 'tel:+44 20 7946 0958' }, b!, { ...c!, type: 'pageview' }]));
    expect(res.status).toBe(207);
    expect(res.body).toEqual({
      accepted: 1,
      duplicates: 0,
      rejected: [
        { index: 0, id: a!.id, reason: 'looks_like_phone', error: 'looks like a phone number', path: '$.events[0].target' },
        { index: 2, id: c!.id, reason: 'invalid_value', error: expect.stringMatching(/^must be one of/), path: '$.events[2].type' },
      ],
    });
    expect((await handler.store.list()).map((e) => e.id)).toEqual([b!.id]);
  });

  it('answers 400 when every event of a batch is rejected, so the client drops it, and stores nothing', async () => {
    const { url, handler } = await mount();
    const [a, b] = signals(2);
    const res = await post(
      url,
      batchOf([
        { ...a!, extra: 1 },
        { ...b!, extra: 2 },
      ]),
    );
    expect(res.status).toBe(400);
    expect(res.body.rejected.map((r: { id: string }) => r.id)).toEqual([a!.id, b!.id]);
    expect(res.body).toMatchObject({ error: 'unknown field', path: '$.events[0].extra', accepted: 0, duplicates: 0 });
    expect(await handler.store.count()).toBe(0);
  });

  it('stores events only for the sites it was given: another site gets 403, nothing stored, and the client drops it', async () => {
    const { url, handler } = await mount({ sites: ['shop'] });
    const [a, b] = signals(2);
    const refused = await post(url, batchOf([a!], 'someone-else'));
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ error: 'site not accepted here', path: '$.site' });
    // The site is checked before the rest of the body: a broken batch for another site is a 403 too.
    const broken = await post(url, { ...batchOf([{ ...a!, extra: 1 }], 'someone-else'), v: 9 });
    expect(broken.status).toBe(403);
    expect((await post(url, { v: 1, sent: 0, events: [] })).status).toBe(403);
    expect(await handler.store.count()).toBe(0);
    expect((await post(url, batchOf([b!], 'shop'))).status).toBe(200);
    expect((await handler.store.list()).map((e) => e.id)).toEqual([b!.id]);
  });

  it('counts what it stored, what it left out and what it refused, served at /stats with the report', async () => {
    // The rate limit is per client: the fifth batch is one too many.
    const { url, handler } = await mount({ rateLimit: { burst: 4, perSecond: 0.01 }, report: true, sites: ['shop'], onWarn: () => {} });
    const [a, b, c, d] = signals(4);
    await post(url, batchOf([a!, b!]));
    await post(url, batchOf([a!]));
    await post(url, batchOf([{ ...c!, target: 'jane@example.com' }, d!]));
    await post(url, batchOf([c!], 'elsewhere'));
    await post(url, batchOf());
    await send(`${url}/health`, { headers: { Origin: 'https://evil.example' } });
    const expected = {
      ...{ batches: 5, accepted: 3, duplicates: 1, rejectedEvents: 1, refusedBatches: 1 },
      ...{ refusedOrigins: 1, refusedSites: 1, rateLimited: 1, storeFailures: 0 },
    };
    expect(handler.counts()).toEqual(expected);
    const stats = await send(`${url}/stats`);
    expect(stats.status).toBe(200);
    expect(stats.body).toEqual({ since: expect.any(String), counts: expected });
    // Without the report, the figures are not served.
    const { url: bare } = await mount();
    expect((await send(`${bare}/stats`)).status).toBe(404);
  });

  it('answers 405 with Allow to a wrong method, 404 to unknown paths, and serves /health', async () => {
    const { url } = await mount();
    const wrong = await send(`${url}/collect`, { method: 'GET' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('POST, OPTIONS');
    expect((await send(`${url}/nope`)).status).toBe(404);
    expect((await send(`${url}/health`)).body).toEqual({ ok: true });
  });

  it('keys rate limits on X-Forwarded-For only when trustProxy is set, and then on the entry its own proxy added', async () => {
    const limit = { burst: 1, perSecond: 0.01 };
    const untrusted = await mount({ rateLimit: limit });
    expect((await post(untrusted.url, batchOf(signals(1)), { 'X-Forwarded-For': '10.0.0.1' })).status).toBe(200);
    expect((await post(untrusted.url, batchOf(signals(1)), { 'X-Forwarded-For': '10.0.0.2' })).status).toBe(429);

    const trusted = await mount({ rateLimit: limit, trustProxy: true });
    expect((await post(trusted.url, batchOf(signals(1)), { 'X-Forwarded-For': '6.6.6.6, 10.0.0.1' })).status).toBe(200);
    // What a client wrote to the left of the proxy's entry changes nothing.
    expect((await post(trusted.url, batchOf(signals(1)), { 'X-Forwarded-For': '7.7.7.7, 10.0.0.1' })).status).toBe(429);
    expect((await post(trusted.url, batchOf(signals(1)), { 'X-Forwarded-For': '10.0.0.2' })).status).toBe(200);

    const twoProxies = await mount({ rateLimit: limit, trustProxy: 2 });
    expect((await post(twoProxies.url, batchOf(signals(1)), { 'X-Forwarded-For': '6.6.6.6, 10.0.0.1, 172.16.0.1' })).status).toBe(200);
    expect((await post(twoProxies.url, batchOf(signals(1)), { 'X-Forwarded-For': '10.0.0.1, 172.16.0.9' })).status).toBe(429);
  });

  it('rate limits by client whatever site the batches name: varying the site gets no fresh bucket', async () => {
    const { url, handler } = await mount({ rateLimit: { burst: 3, perSecond: 0.01 } });
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push((await post(url, batchOf(signals(1), `site-${i}`))).status);
    expect(answers).toEqual([200, 200, 200, 429, 429, 429, 429, 429, 429, 429]);
    expect(await handler.store.count()).toBe(3);
    expect(handler.counts().rateLimited).toBe(7);
  });

  it('stores an id sent in capitals and in lower case once, in lower case', async () => {
    const { url, handler } = await mount();
    const [e] = signals(1);
    const upper = { ...e!, id: String(e!.id).toUpperCase() };
    expect((await post(url, batchOf([upper]))).body).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    expect((await post(url, batchOf([e!]))).body).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
    expect((await post(url, batchOf([upper, e!]))).body).toEqual({ accepted: 0, duplicates: 2, rejected: [] });
    expect((await handler.store.list()).map((s) => s.id)).toEqual([e!.id]);
  });

  it('answers every bad /events query with 400 and a message, never 500', async () => {
    const { url } = await mount({ exposeEvents: true });
    await post(url, batchOf(signals(3)));
    const cases: [string, string][] = [
      ['limit=99999999999999999999', 'limit must be a whole number from 0 to 10000'],
      ['limit=1e400', 'limit must be a whole number from 0 to 10000'],
      ['limit=10001', 'limit must be a whole number from 0 to 10000'],
      ['limit=-1', 'limit must be a whole number from 0 to 10000'],
      ['limit=', 'limit must be a whole number from 0 to 10000'],
      ['limit=2.5', 'limit must be a whole number from 0 to 10000'],
      ['limit=1&limit=2', 'limit may be given once'],
      [`site=${'s'.repeat(101)}`, 'site must be 1 to 100 characters'],
      ['type=', 'type must be 1 to 100 characters'],
      ['lmit=1', 'unknown parameter (expected site, type or limit)'],
    ];
    for (const [query, error] of cases) {
      const res = await send(`${url}/events?${query}`);
      expect([query, res.status, res.body.error]).toEqual([query, 400, error]);
    }
    expect(((await send(`${url}/events?limit=2`)).body as unknown[]).length).toBe(2);
    expect(((await send(`${url}/events?limit=10000&site=shop`)).body as unknown[]).length).toBe(3);
  });

  it('logs refused origins and sites at most once a minute each, quoted, and counts every refusal', async () => {
    let clock = 1_000_000;
    const lines: string[] = [];
    const { url, handler } = await mount({
      sites: ['shop'],
      allowedOrigins: [ORIGIN],
      now: () => clock,
      onWarn: (l) => lines.push(l),
      rateLimit: false,
    });
    for (let i = 0; i < 3; i++) await post(url, batchOf(), { Origin: 'https://evil.example' });
    // Sent as UTF-8, read as Latin-1 by node:http: a line shows each byte escaped, never raw.
    await post(url, batchOf(), { Origin: 'https://other.\u00e9xample' });
    for (let i = 0; i < 2; i++) await post(url, batchOf(signals(1), 'not-ours'), { Origin: ORIGIN });
    expect(lines).toEqual([
      '[attune-collector] refused origin "https://evil.example" (403): if it is your site, add it with --origin (allowedOrigins)',
      '[attune-collector] refused origin "https://other.\\u00c3\\u00a9xample" (403): if it is your site, add it with --origin (allowedOrigins)',
      '[attune-collector] refused site "not-ours" (403): if it is yours, add it with --site (sites)',
    ]);
    clock += 60_000;
    await post(url, batchOf(), { Origin: 'https://evil.example' });
    expect(lines.at(-1)).toBe(
      '[attune-collector] refused origin "https://evil.example" (403) (2 more since the last line): if it is your site, add it with --origin (allowedOrigins)',
    );
    expect(handler.counts()).toMatchObject({ refusedOrigins: 5, refusedSites: 2, refusedBatches: 2, accepted: 0 });
  });
});
