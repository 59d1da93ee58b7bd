import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildBin, type BuiltBin } from '../../test/build-bin';
import { post, send } from '../../test/http-client';
import { spawnCollector } from '../../test/spawn-collector';
import { batchOf, signals } from '../../test/wire-fixtures';
import { createCollectorHandler, type CollectorOptions } from '../collector-handler';
import { parseCollectorArgs } from '../parse-collector-args';
import { REPORT_CSP } from './render-report-html';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

const mount = async (options: CollectorOptions) => {
  const handler = createCollectorHandler({ onError: () => {}, rateLimit: false, ...options });
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

describe('GET /report and /report.json', () => {
  it('are not served unless the report option is set', async () => {
    const url = await mount({});
    expect((await send(`${url}/report`)).status).toBe(404);
    expect((await send(`${url}/report.json`)).status).toBe(404);
  });

  it('serve the page with a CSP that allows no script, and no CORS headers even for an allowed origin', async () => {
    const url = await mount({ report: true, allowedOrigins: ['https://shop.example'] });
    const res = await send(`${url}/report`, { headers: { Origin: 'https://shop.example' } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(REPORT_CSP);
    expect(REPORT_CSP).toContain("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.body).toMatch(/^<!doctype html>/);
    expect((await send(`${url}/report`, { method: 'POST' })).status).toBe(405);
  });

  it('summarise what the store holds, for one site with ?site= and with the configured minCount', async () => {
    const url = await mount({ report: { minCount: 2, goal: 'signup' } });
    // Six visitors on one page for shop; two events for another site.
    const many = signals(6).map((e, i) => ({ ...e, vid: `visitor${'abcdef'[i]}` }));
    expect((await post(url, batchOf(many, 'shop'))).status).toBe(200);
    expect(
      (
        await post(
          url,
          batchOf(
            signals(2).map((e) => ({ ...e, path: '/elsewhere' })),
            'blog',
          ),
        )
      ).status,
    ).toBe(200);
    const all = (await send(`${url}/report.json`)).body;
    expect(all).toMatchObject({ version: 1, site: null, minCount: 2, goal: 'signup', overview: { events: 8 } });
    const shop = (await send(`${url}/report.json?site=shop`)).body;
    expect(shop).toMatchObject({ site: 'shop', overview: { events: 6, visitors: 6 } });
    expect(shop.friction.byPage.rows).toEqual([
      { key: '/pricing', total: { events: 6, visitors: 6 }, signals: { dead_click: { events: 6, visitors: 6 } } },
    ]);
    const page = await send(`${url}/report?site=shop&goal=trial`);
    expect(page.body).toContain('site <strong>shop</strong>');
    expect(page.body).toContain('conversion rate on “trial”');
  });
});

describe('attune-collector --report', () => {
  let built: BuiltBin;
  beforeAll(async () => {
    built = await buildBin();
  }, 60_000);
  afterAll(() => built?.remove());

  it('parses --report only when given', () => {
    expect(parseCollectorArgs(['--report'])).toMatchObject({ kind: 'run', report: true });
    expect(parseCollectorArgs([])).not.toHaveProperty('report');
  });

  it('serves the report from the command line', async () => {
    const collector = await spawnCollector(built.file, ['--port', '0', '--memory', '--report']);
    try {
      const res = await send(`${collector.url}/report`);
      expect(res.status).toBe(200);
      expect(res.body).toContain('Friction report');
      expect(collector.output()).toContain(`friction report at ${collector.url}/report`);
    } finally {
      await collector.stop('SIGTERM');
    }
  }, 30_000);
});
