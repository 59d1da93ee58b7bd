import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBin, type BuiltBin } from '../test/build-bin';
import { post, send } from '../test/http-client';
import { spawnCollector } from '../test/spawn-collector';
import { batchOf, signals } from '../test/wire-fixtures';

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
    expect((await send(`${running.url}/stats`)).body).toMatchObject({ counts: { batches: 2, accepted: 2, refusedBatches: 1 } });
    expect(await running.stop('SIGTERM')).toBe(0);
  }, 30_000);

  it('prints usage for --help and exits 2 on a bad option', () => {
    const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: attune-collector/);
    const bad = spawnSync(process.execPath, [bin, '--port', 'eighty'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--port/);
  });
});
