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
  const handler = createCollectorHandler({ onError: () => {}, ...options });
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

  it('lets a page served from the collector’s own host post without an allowlist entry', async () => {
    const { url } = await mount();
    const res = await post(url, batchOf(), { Origin: url });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(url);
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
    const { url } = await mount({ allowedOrigins: [ORIGIN], maxBodyBytes: 1024, rateLimit: { burst: 2, perSecond: 0.01 } });
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
    const res = await post(url, batchOf([{ ...a!, extra: 1 }, { ...b!, extra: 2 }]));
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
    expect(refused.body).toEqual({ error: 'site "someone-else" is not accepted here', path: '$.site' });
    expect(await handler.store.count()).toBe(0);
    expect((await post(url, batchOf([b!], 'shop'))).status).toBe(200);
    expect((await handler.store.list()).map((e) => e.id)).toEqual([b!.id]);
  });

  it('counts what it stored, what it left out and what it refused, served at /stats with the report', async () => {
    // The rate limit is per client and site: the fourth batch for shop is one too many.
    const { url, handler } = await mount({ rateLimit: { burst: 3, perSecond: 0.01 }, report: true, sites: ['shop'] });
    const [a, b, c, d] = signals(4);
    await post(url, batchOf([a!, b!]));
    await post(url, batchOf([a!]));
    await post(url, batchOf([{ ...c!, target: 'jane@example.com' }, d!]));
    await post(url, batchOf([c!], 'elsewhere'));
    await post(url, batchOf());
    const expected = { batches: 5, accepted: 3, duplicates: 1, rejectedEvents: 1, refusedBatches: 1, rateLimited: 1, storeFailures: 0 };
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

  it('keys rate limits on X-Forwarded-For only when trustProxy is set', async () => {
    const limit = { burst: 1, perSecond: 0.01 };
    const untrusted = await mount({ rateLimit: limit });
    expect((await post(untrusted.url, batchOf(signals(1)), { 'X-Forwarded-For': '10.0.0.1' })).status).toBe(200);
    expect((await post(untrusted.url, batchOf(signals(1)), { 'X-Forwarded-For': '10.0.0.2' })).status).toBe(429);

    const trusted = await mount({ rateLimit: limit, trustProxy: true });
    expect((await post(trusted.url, batchOf(signals(1)), { 'X-Forwarded-For': '10.0.0.1, 172.16.0.1' })).status).toBe(200);
    expect((await post(trusted.url, batchOf(signals(1)), { 'X-Forwarded-For': '10.0.0.2' })).status).toBe(200);
    expect((await post(trusted.url, batchOf(signals(1)), { 'X-Forwarded-For': '10.0.0.1' })).status).toBe(429);
  });
});
