import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { post, send } from '../test/http-client';
import { batchOf, sampleEvents, signals } from '../test/wire-fixtures';
import type { EventStore } from './event-store';
import { createMemoryStore } from './memory-store';
import { createSqliteStore } from './sqlite-store';
import { startCollector, type RunningCollector, type StartCollectorOptions } from './start-collector';

const SITE_ORIGIN = 'http://localhost:5173';
const dir = mkdtempSync(join(tmpdir(), 'attune-collector-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const running: RunningCollector[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((c) => c.close()));
});
const start = async (options: StartCollectorOptions = {}) => {
  const c = await startCollector({
    port: 0,
    allowedOrigins: [SITE_ORIGIN],
    exposeEvents: true,
    onError: () => {},
    onWarn: () => {},
    ...options,
  });
  running.push(c);
  return c;
};

describe('POST /collect', () => {
  it('accepts a valid batch with every event type and stores it', async () => {
    const c = await start();
    const events = Object.values(sampleEvents());
    const res = await post(c.url, batchOf(events));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accepted: events.length, duplicates: 0, rejected: [] });
    const stored = (await send(`${c.url}/events?site=shop`)).body as { id: string; site: string }[];
    expect(stored.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(stored.every((e) => e.site === 'shop')).toBe(true);
  });

  it('accepts a text/plain body, as navigator.sendBeacon sends it', async () => {
    const c = await start();
    const res = await post(c.url, batchOf(signals(2)), { 'Content-Type': 'text/plain;charset=UTF-8', Origin: SITE_ORIGIN });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
  });

  it('dedupes the same event id across two posts', async () => {
    const c = await start();
    const events = signals(3);
    expect((await post(c.url, batchOf(events))).body).toEqual({ accepted: 3, duplicates: 0, rejected: [] });
    const again = await post(c.url, batchOf([...events, ...signals(1)]));
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ accepted: 1, duplicates: 3, rejected: [] });
    expect(await c.store.count()).toBe(4);
  });

  it('stores the valid events of a batch and rejects only the bad ones, by id and reason, with 207', async () => {
    const c = await start();
    const [a, b, c2, d] = signals(4);
    const res = await post(
      c.url,
      batchOf([a!, { ...b!, innerText: 'Pay now' }, c2!, { ...d!, target: 'input[value="jane@example.com"]' }]),
      {
        Origin: SITE_ORIGIN,
      },
    );
    expect(res.status).toBe(207);
    expect(res.headers['access-control-allow-origin']).toBe(SITE_ORIGIN);
    expect(res.body).toEqual({
      accepted: 2,
      duplicates: 0,
      rejected: [
        { index: 1, id: b!.id, reason: 'unknown_field', error: 'unknown field', path: '$.events[1].innerText' },
        { index: 3, id: d!.id, reason: 'looks_like_email', error: 'looks like an email address', path: '$.events[3].target' },
      ],
    });
    const stored = (await send(`${c.url}/events`)).body as { id: string }[];
    expect(stored.map((e) => e.id)).toEqual([a!.id, c2!.id]);
  });

  it('never echoes the rejected value in the answer', async () => {
    const c = await start();
    const [a, b] = signals(2);
    const res = await post(
      c.url,
      batchOf([
        { ...a!, target: '#card-4111111111111111' },
        { ...b!, path: '/u/jane%40example.com' },
      ]),
    );
    const text = JSON.stringify(res.body);
    for (const value of ['4111111111111111', 'jane', 'example.com']) expect(text).not.toContain(value);
  });

  it('answers 400 with the rejected list when no event of the batch is valid, storing nothing', async () => {
    const c = await start();
    const [bad] = signals(1);
    const res = await post(c.url, batchOf([{ ...bad!, target: 'input[value="jane@example.com"]' }]));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: 'looks like an email address',
      path: '$.events[0].target',
      accepted: 0,
      duplicates: 0,
      rejected: [{ index: 0, id: bad!.id, reason: 'looks_like_email', error: 'looks like an email address', path: '$.events[0].target' }],
    });
    expect(await c.store.count()).toBe(0);
  });

  it('counts an already stored event as a duplicate next to a rejected one, with 207', async () => {
    const c = await start();
    const [a, b] = signals(2);
    await post(c.url, batchOf([a!]));
    const res = await post(c.url, batchOf([a!, { ...b!, count: -1 }]));
    expect(res.status).toBe(207);
    expect(res.body).toMatchObject({
      accepted: 0,
      duplicates: 1,
      rejected: [{ index: 1, id: b!.id, reason: 'invalid_value', path: '$.events[1].count' }],
    });
    expect(await c.store.count()).toBe(1);
  });

  it('refuses the whole batch with 400 for a wrong version or site, storing none of its valid events', async () => {
    const c = await start();
    const wrongVersion = await post(c.url, { ...batchOf(signals(2)), v: 2 });
    expect(wrongVersion.status).toBe(400);
    expect(wrongVersion.body).toEqual({ error: 'must be 1', path: '$.v' });
    const badSite = await post(c.url, batchOf(signals(2), 'shop/../x'));
    expect(badSite.status).toBe(400);
    expect(badSite.body).toMatchObject({ path: '$.site' });
    expect(await c.store.count()).toBe(0);
  });

  it('answers 400 to a body that is not JSON and 415 to other content types', async () => {
    const c = await start();
    expect((await post(c.url, '{"v":1,')).status).toBe(400);
    const form = await post(c.url, JSON.stringify(batchOf()), { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expect(await c.store.count()).toBe(0);
  });

  it('answers 413 to a body over maxBodyBytes, announced or streamed, and stores nothing', async () => {
    const c = await start({ maxBodyBytes: 2048 });
    const big = batchOf(signals(40));
    expect(JSON.stringify(big).length).toBeGreaterThan(2048);
    expect((await post(c.url, big)).status).toBe(413);
    const streamed = await new Promise<number>((resolve, reject) => {
      // No Content-Length: chunked, so the limit is found while reading.
      const req = request(`${c.url}/collect`, { method: 'POST', agent: false, headers: { 'Content-Type': 'application/json' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      const text = JSON.stringify(big);
      req.write(text.slice(0, 1000));
      req.end(text.slice(1000));
    });
    expect(streamed).toBe(413);
    expect((await post(c.url, batchOf(signals(2)))).status).toBe(200);
    expect(await c.store.count()).toBe(2);
  });

  it('answers 429 with Retry-After once a client’s bucket is empty, whatever site the batch names', async () => {
    const c = await start({ rateLimit: { burst: 2, perSecond: 0.5 } });
    expect((await post(c.url, batchOf(signals(1)))).status).toBe(200);
    expect((await post(c.url, batchOf(signals(1)))).status).toBe(200);
    const limited = await post(c.url, batchOf(signals(1)));
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('2');
    expect((await post(c.url, batchOf(signals(1), 'blog'))).status).toBe(429);
    expect(await c.store.count()).toBe(2);
  });

  it('answers 500 when the store fails, so the client retries', async () => {
    const failing: EventStore = { ...createMemoryStore(), insert: async () => Promise.reject(new Error('disk full')) };
    const errors: unknown[] = [];
    const c = await start({ store: failing, onError: (e) => errors.push(e) });
    const res = await post(c.url, batchOf());
    expect(res.status).toBe(500);
    expect(errors).toHaveLength(1);
  });

  it('answers 500 when the store fails with a partly rejected batch, so the valid events are retried', async () => {
    const failing: EventStore = { ...createMemoryStore(), insert: async () => Promise.reject(new Error('disk full')) };
    const c = await start({ store: failing });
    const [a, b] = signals(2);
    const res = await post(c.url, batchOf([a!, { ...b!, innerText: 'x' }]));
    expect(res.status).toBe(500);
  });
});

describe('CORS', () => {
  it('answers a preflight from an allowed origin with that origin, never a wildcard', async () => {
    const c = await start();
    const res = await send(`${c.url}/collect`, {
      method: 'OPTIONS',
      headers: { Origin: SITE_ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(SITE_ORIGIN);
    expect(res.headers['access-control-allow-methods']).toContain('POST');
    expect(String(res.headers['access-control-allow-headers']).toLowerCase()).toContain('content-type');
  });

  it('refuses a preflight and a POST from an origin off the allowlist, storing nothing', async () => {
    const c = await start();
    const pre = await send(`${c.url}/collect`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(pre.status).toBe(403);
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    const res = await post(c.url, batchOf(), { Origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(await c.store.count()).toBe(0);
  });

  it('echoes an allowed origin on the POST answer', async () => {
    const c = await start();
    const res = await post(c.url, batchOf(), { Origin: SITE_ORIGIN });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(SITE_ORIGIN);
    expect(res.headers.vary).toBe('Origin');
  });

  it('refuses to start with a wildcard origin', async () => {
    await expect(startCollector({ port: 0, allowedOrigins: ['*'] })).rejects.toThrow(/exact origins/);
  });
});

describe('GET /events', () => {
  it('lists events filtered by site and type, newest last, and a limit keeps the newest', async () => {
    const c = await start();
    const first = signals(2);
    const shown = sampleEvents().shown!;
    await post(c.url, batchOf(first));
    await post(c.url, batchOf([shown]));
    await post(c.url, batchOf(signals(1), 'blog'));
    const ids = async (q: string) => ((await send(`${c.url}/events${q}`)).body as { id: string }[]).map((e) => e.id);
    expect(await ids('?site=shop')).toEqual([...first.map((e) => e.id), shown.id]);
    expect(await ids('?site=shop&type=shown')).toEqual([shown.id]);
    expect(await ids('?site=shop&limit=1')).toEqual([shown.id]);
  });

  it('does not exist unless exposeEvents is set', async () => {
    const c = await start({ exposeEvents: false });
    expect((await send(`${c.url}/events`)).status).toBe(404);
  });
});

describe('SQLite file store', () => {
  it('keeps accepted events across a restart and still dedupes them', async () => {
    const dbFile = join(dir, 'restart', 'attune.sqlite');
    const events = signals(5);
    const before = await startCollector({ port: 0, dbFile, exposeEvents: true });
    expect((await post(before.url, batchOf(events))).body).toEqual({ accepted: 5, duplicates: 0, rejected: [] });
    await before.close();
    const after = await start({ dbFile });
    const stored = (await send(`${after.url}/events`)).body as { id: string }[];
    expect(stored.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect((await post(after.url, batchOf(events))).body).toEqual({ accepted: 0, duplicates: 5, rejected: [] });
  });
});

describe('graceful shutdown', () => {
  // A file store whose inserts wait until released, so requests are provably in flight at close().
  const gatedStore = (file: string) => {
    const inner = createSqliteStore({ file });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let waiting = 0;
    let closedWhileWaiting = false;
    const store: EventStore = {
      ...inner,
      insert: async (events, site) => {
        waiting++;
        await gate;
        waiting--;
        return inner.insert(events, site);
      },
      close: async () => {
        closedWhileWaiting = waiting > 0;
        await inner.close();
      },
    };
    return { store, release, waiting: () => waiting, closedWhileWaiting: () => closedWhileWaiting };
  };

  it('answers every request in flight, stores them all, then closes the store', async () => {
    const file = join(dir, 'shutdown', 'attune.sqlite');
    const gated = gatedStore(file);
    const c = await startCollector({ port: 0, store: gated.store });
    const batches = Array.from({ length: 5 }, () => signals(3));
    const answers = batches.map((b) => post(c.url, batchOf(b)));
    await expect.poll(() => gated.waiting()).toBe(5);

    let closed = false;
    const closing = c.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(closed).toBe(false);
    gated.release();

    const results = await Promise.all(answers);
    await closing;
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(results.every((r) => r.body.accepted === 3)).toBe(true);
    expect(gated.closedWhileWaiting()).toBe(false);
    const reopened = createSqliteStore({ file });
    expect(await reopened.count()).toBe(15);
    await reopened.close();
  });

  it('finishes a request whose body is still arriving when shutdown starts', async () => {
    const inner = createMemoryStore();
    let storedAtClose = -1;
    const store: EventStore = {
      ...inner,
      close: async () => {
        storedAtClose = await inner.count();
        await inner.close();
      },
    };
    const c = await startCollector({ port: 0, store });
    const order: string[] = [];
    let closing: Promise<void> | undefined;
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${c.url}/collect`,
        // With Expect: 100-continue, Node answers "100 Continue" only once the handler has the request.
        { method: 'POST', agent: false, headers: { 'Content-Type': 'application/json', Expect: '100-continue' } },
        (res) => {
          res.resume();
          order.push('answered');
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      const text = JSON.stringify(batchOf(signals(2)));
      req.on('continue', () => {
        req.write(text.slice(0, 20));
        closing = c.close().then(() => void order.push('closed'));
        order.push('close called');
        setTimeout(() => req.end(text.slice(20)), 50);
      });
    });
    await closing;
    expect(status).toBe(200);
    // The client may read the answer just before or after the server finishes closing; what
    // matters is that shutdown began before the request was answered.
    expect(order[0]).toBe('close called');
    expect(order).toContain('answered');
    expect(storedAtClose).toBe(2);
  });

  it('cuts off a client that never finishes its body after shutdownTimeoutMs, storing nothing from it', async () => {
    const c = await startCollector({ port: 0, shutdownTimeoutMs: 100 });
    const store = c.store;
    let countAtEnd = -1;
    const origClose = store.close;
    store.close = async () => {
      countAtEnd = await store.count();
      await origClose();
    };
    const outcome = new Promise<string>((resolve) => {
      const req = request(
        `${c.url}/collect`,
        { method: 'POST', agent: false, headers: { 'Content-Type': 'application/json', Expect: '100-continue' } },
        () => resolve('answered'),
      );
      req.on('error', (e) => resolve(`error ${(e as NodeJS.ErrnoException).code}`));
      req.on('continue', () => {
        req.write('{"v":1,');
        void c.close();
      });
    });
    expect(await outcome).toBe('error ECONNRESET');
    await c.close();
    expect(countAtEnd).toBe(0);
  });

  it('refuses new connections once shutdown has started', async () => {
    const c = await startCollector({ port: 0 });
    await c.close();
    await expect(post(c.url, batchOf())).rejects.toThrow(/ECONNREFUSED/);
  });
});
