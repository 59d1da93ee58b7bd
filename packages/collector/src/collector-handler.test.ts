import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { post, send } from '../test/http-client';
import { batchOf, signals } from '../test/wire-fixtures';
import { createCollectorHandler, type CollectorOptions } from './collector-handler';

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
    expect((await post(url, batchOf(signals(2)))).body).toEqual({ accepted: 2, duplicates: 0 });
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
