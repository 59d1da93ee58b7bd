import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBin, type BuiltBin } from '../test/build-bin';
import { post, send } from '../test/http-client';
import { spawnCollector } from '../test/spawn-collector';
import { batchOf, sampleEvents, signals } from '../test/wire-fixtures';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
let built: BuiltBin;
let bin: string;
const dir = mkdtempSync(join(tmpdir(), 'attune-bin-'));
beforeAll(async () => {
  built = await buildBin();
  bin = built.file;
}, 60_000);
afterAll(() => {
  built?.remove();
  rmSync(dir, { recursive: true, force: true });
});

describe('attune-collector', () => {
  it('serves the documented command, stops cleanly on SIGTERM and keeps its SQLite file', async () => {
    const db = join(dir, '.data', 'attune.sqlite');
    const args = ['--port', '0', '--db', db, '--origin', 'http://localhost:5173', '--expose-events'];
    const first = await spawnCollector(bin, args);
    const events = signals(3);
    const res = await post(first.url, batchOf(events), { Origin: 'http://localhost:5173', 'Content-Type': 'text/plain' });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(await first.stop('SIGTERM')).toBe(0);

    const second = await spawnCollector(bin, args);
    const stored = (await send(`${second.url}/events`)).body as { id: string }[];
    expect(stored.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(await second.stop('SIGINT')).toBe(0);
  }, 30_000);

  it('--site keeps the store to the given sites: a batch for another site is refused and /stats counts it', async () => {
    const running = await spawnCollector(bin, ['--port', '0', '--memory', '--site', 'shop', '--report', '--no-rate-limit']);
    expect((await post(running.url, batchOf(signals(1), 'not-ours'))).status).toBe(403);
    expect((await post(running.url, batchOf(signals(2), 'shop'))).status).toBe(200);
    expect((await send(`${running.url}/stats`)).body).toMatchObject({
      counts: { batches: 2, accepted: 2, refusedBatches: 1, refusedSites: 1 },
    });
    expect(await running.stop('SIGTERM')).toBe(0);
  }, 30_000);

  it('prints usage for --help, its package version for --version, and exits 2 on a usage error', () => {
    const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: attune-collector/);
    const version = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    expect([version.status, version.stdout]).toEqual([0, `attune-collector ${pkg.version}\n`]);
    for (const args of [['--port', 'eighty'], ['--verbose'], ['serve'], ['--memory', '--pg', 'postgres://x/y']]) {
      const bad = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
      expect([args, bad.status, bad.stdout]).toEqual([args, 2, '']);
      expect(bad.stderr).toMatch(/^attune-collector: .+\nRun attune-collector --help for the options\.\n$/);
    }
  }, 30_000);

  it('--webhook forwards a stored handoff signed with ATTUNE_WEBHOOK_SECRET, and verify-webhook detects a wrong secret', async () => {
    const deliveries: { body: string; signature: string }[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        deliveries.push({ body, signature: String(req.headers['x-attune-signature']) });
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    process.env.ATTUNE_WEBHOOK_SECRET = 'team-secret';
    const running = await spawnCollector(bin, ['--port', '0', '--memory', '--report', '--webhook', hook, '--webhook-format', 'json']);
    delete process.env.ATTUNE_WEBHOOK_SECRET;
    expect(running.output()).toContain('forwarding handoffs to http://127.0.0.1:');
    expect((await post(running.url, batchOf([sampleEvents().handoff!]))).status).toBe(200);
    let counts = (await send(`${running.url}/stats`)).body.counts;
    while (counts.webhook.pending) counts = (await send(`${running.url}/stats`)).body.counts;
    expect(counts.webhook).toMatchObject({ delivered: 1, deadLetters: 0 });
    expect(await running.stop('SIGTERM')).toBe(0);
    await new Promise((resolve) => receiver.close(resolve));

    const bodyFile = join(dir, 'delivery.json');
    writeFileSync(bodyFile, deliveries[0]!.body);
    const verify = (secret: string, file = bodyFile) =>
      spawnSync(process.execPath, [bin, 'verify-webhook', '--signature', deliveries[0]!.signature, '--body-file', file], {
        encoding: 'utf8',
        env: { ...process.env, ATTUNE_WEBHOOK_SECRET: secret },
      });
    const good = verify('team-secret');
    expect([good.status, good.stdout]).toEqual([0, expect.stringMatching(/^signature valid/)]);
    const wrong = verify('not-the-secret');
    expect([wrong.status, wrong.stderr]).toEqual([1, expect.stringMatching(/^signature refused \(mismatch\)/)]);
    // The body read from stdin, altered by one character, is refused too.
    const altered = spawnSync(process.execPath, [bin, 'verify-webhook', '--signature', deliveries[0]!.signature], {
      encoding: 'utf8',
      input: deliveries[0]!.body.replace('checkout-help', 'checkout-hel_'),
      env: { ...process.env, ATTUNE_WEBHOOK_SECRET: 'team-secret' },
    });
    expect(altered.status).toBe(1);
    const usage = spawnSync(process.execPath, [bin, 'verify-webhook'], {
      encoding: 'utf8',
      env: { ...process.env, ATTUNE_WEBHOOK_SECRET: '' },
    });
    expect(usage.status).toBe(2);
  }, 30_000);

  it('logs a refused origin once and counts each refusal in /stats', async () => {
    const running = await spawnCollector(bin, ['--port', '0', '--memory', '--origin', 'https://shop.example', '--report']);
    for (let i = 0; i < 3; i++) expect((await post(running.url, batchOf(), { Origin: 'https://typo.example' })).status).toBe(403);
    expect((await send(`${running.url}/stats`)).body).toMatchObject({ counts: { refusedOrigins: 3, accepted: 0 } });
    expect(await running.stop('SIGTERM')).toBe(0);
    const lines = running
      .output()
      .split('\n')
      .filter((l) => l.includes('refused origin'));
    expect(lines).toEqual([
      '[attune-collector] refused origin "https://typo.example" (403): if it is your site, add it with --origin (allowedOrigins)',
    ]);
  }, 30_000);
});
