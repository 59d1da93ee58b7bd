import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { createCollectorHandler, type CollectorOptions } from './collector-handler';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

const mount = async (options: CollectorOptions, host = '127.0.0.1') => {
  const server = createServer(createCollectorHandler({ onError: () => {}, rateLimit: false, ...options }));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, host, r));
  return `http://${host.includes(':') ? `[${host}]` : host}:${(server.address() as AddressInfo).port}`;
};

const call = (url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
  new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });

// A non-loopback address of this machine, to reach the collector as another host would.
const external = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

const GUARDED = ['/report', '/report.json', '/stats', '/events'];

describe('operator pages (report access)', () => {
  it('need the token as a bearer header when one is set, even on loopback', async () => {
    const url = await mount({ report: { token: 's3cret-token' }, exposeEvents: true });
    for (const path of GUARDED) {
      expect((await call(`${url}${path}`)).status, path).toBe(401);
      expect((await call(`${url}${path}`, { headers: { Authorization: 'Bearer wrong' } })).status, path).toBe(401);
      expect((await call(`${url}${path}`, { headers: { Authorization: 'Bearer s3cret-token' } })).status, path).toBe(200);
    }
    expect((await call(`${url}/health`)).status).toBe(200);
  });

  it('sign in at /report/login sets an HttpOnly cookie (not the token) that opens the report', async () => {
    const url = await mount({ report: { token: 's3cret-token' } });
    const form = await call(`${url}/report/login`);
    expect(form.status).toBe(200);
    expect(form.body).toContain('name="token"');
    const wrong = await call(`${url}/report/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'token=nope',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const ok = await call(`${url}/report/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'token=s3cret-token',
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe('/report');
    const cookie = String(ok.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toContain('s3cret-token');
    const pair = cookie.split(';')[0]!;
    expect((await call(`${url}/report.json`, { headers: { Cookie: pair } })).status).toBe(200);
    expect((await call(`${url}/report.json`, { headers: { Cookie: `${pair}x` } })).status).toBe(401);
  });

  it('without a token are served on loopback only, and never when the address comes through a proxy', async () => {
    const local = await mount({ report: true, exposeEvents: true });
    for (const path of GUARDED) expect((await call(`${local}${path}`)).status, path).toBe(200);
    const proxied = await mount({ report: true, trustProxy: true });
    expect((await call(`${proxied}/report.json`, { headers: { 'X-Forwarded-For': '127.0.0.1' } })).status).toBe(403);
  });

  it.skipIf(!external)('without a token refuse a connection from another address', async () => {
    const url = await mount({ report: true }, external!);
    const res = await call(`${url}/report.json`);
    expect(res.status).toBe(403);
    expect(res.body).toContain('ATTUNE_REPORT_TOKEN');
    expect((await call(`${url}/health`)).status).toBe(200);
  });
});
