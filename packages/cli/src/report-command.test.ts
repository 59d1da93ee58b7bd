import { describe, expect, it } from 'vitest';
import { readEventLines, reportCommand } from './report-command';
import type { CliIo } from './cli-io';

const fakeIo = (files: Record<string, string>) => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readFile: async (p) => {
      if (!(p in files)) throw new Error(`no such file ${p}`);
      return files[p]!;
    },
    writeFile: async () => {},
  };
  return { io, out, err };
};

const signal = (i: number) => ({
  id: `0190a000-0000-7000-8000-${String(i).padStart(12, '0')}`,
  type: 'signal',
  purpose: 'measurement',
  ts: 1_780_000_000_000 + i * 1000,
  path: '/pricing',
  vid: `visitor${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`,
  signal: 'rage_click',
  target: 'pricing/plan-team',
  count: 4,
});

describe('attune report', () => {
  it('reads one event or one batch per line and counts the lines it skipped', () => {
    const text = [JSON.stringify(signal(1)), JSON.stringify({ v: 1, events: [signal(2), signal(3)] }), 'not json', '42', ''].join('\n');
    const { events, bad } = readEventLines(text);
    expect(events).toHaveLength(3);
    expect(bad).toBe(2);
  });

  it('prints the friction report as HTML that names the page and target with enough visitors', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => JSON.stringify(signal(i))).join('\n');
    const { io, out } = fakeIo({ 'events.jsonl': lines });
    expect(await reportCommand(io, ['events.jsonl'], new Set())).toBe(0);
    const html = out.join('');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('/pricing');
    expect(html).toContain('pricing/plan-team');
  });

  it('prints the figures as JSON with --json', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => JSON.stringify(signal(i))).join('\n');
    const { io, out } = fakeIo({ 'events.jsonl': lines });
    expect(await reportCommand(io, ['events.jsonl'], new Set(['json']))).toBe(0);
    expect(JSON.stringify(JSON.parse(out.join('')))).toContain('pricing/plan-team');
  });

  it('exits 2 with usage when no file is given', async () => {
    const { io, err } = fakeIo({});
    expect(await reportCommand(io, [], new Set())).toBe(2);
    expect(err.join('')).toContain('usage: attune report');
  });
});
