import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signals } from '../test/wire-fixtures';
import { parseExportArgs, runExport } from './export-command';
import { createMemoryStore } from './memory-store';
import type { WireEvent } from './wire-batch';

describe('attune-collector export', () => {
  it('parses the store, site, since and output file, and refuses two stores or a bad span', () => {
    expect(parseExportArgs(['--db', 'a.sqlite', '--site', 'shop', '--since', '7d', '--out', 'x.jsonl'], 10 * 86_400_000)).toEqual({
      kind: 'run',
      store: { kind: 'sqlite', file: 'a.sqlite' },
      site: 'shop',
      from: 3 * 86_400_000,
      out: 'x.jsonl',
    });
    expect(parseExportArgs(['--clickhouse', 'http://127.0.0.1:8123'], 0)).toMatchObject({
      store: { kind: 'clickhouse', url: 'http://127.0.0.1:8123' },
    });
    expect(parseExportArgs(['--db', 'a', '--pg', 'b'], 0)).toMatchObject({ kind: 'error' });
    expect(parseExportArgs(['--since', 'week'], 0)).toMatchObject({ kind: 'error', message: expect.stringContaining('7d') });
    expect(parseExportArgs(['--nope'], 0)).toMatchObject({ kind: 'error' });
  });

  it('writes the site’s events since the start as JSON lines, oldest first, with site and received', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'attune-export-'));
    try {
      const store = createMemoryStore(() => 42);
      const events = signals(5) as WireEvent[];
      events.forEach((e, i) => (e.ts = 1000 * (i + 1)));
      await store.insert(events, 'shop');
      await store.insert(signals(2) as WireEvent[], 'blog');
      const out = join(dir, 'out.jsonl');
      expect(await runExport(store, { kind: 'run', store: { kind: 'memory' }, site: 'shop', from: 2000, out })).toBe(4);
      const lines = readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines.map((e) => e.id)).toEqual(events.slice(1).map((e) => e.id));
      expect(lines[0]).toMatchObject({ site: 'shop', received: 42, type: 'signal' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
