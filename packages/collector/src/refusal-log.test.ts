import { describe, expect, it } from 'vitest';
import { createRefusalLog } from './refusal-log';

describe('createRefusalLog', () => {
  it('logs each origin or site once a minute, then how many more times it was refused', () => {
    let t = 0;
    const lines: string[] = [];
    const log = createRefusalLog(
      (l) => lines.push(l),
      () => t,
    );
    log.note('origin', 'https://a.example');
    log.note('origin', 'https://a.example');
    log.note('site', 'https://a.example');
    t = 59_999;
    log.note('origin', 'https://a.example');
    t = 60_000;
    log.note('origin', 'https://a.example');
    expect(lines).toEqual([
      '[attune-collector] refused origin "https://a.example" (403): if it is your site, add it with --origin (allowedOrigins)',
      '[attune-collector] refused site "https://a.example" (403): if it is yours, add it with --site (sites)',
      '[attune-collector] refused origin "https://a.example" (403) (2 more since the last line): if it is your site, add it with --origin (allowedOrigins)',
    ]);
  });

  it('cuts a long value and escapes control characters, so a client cannot forge log lines', () => {
    const lines: string[] = [];
    createRefusalLog((l) => lines.push(l)).note('site', `x\n[attune-collector] all good${'y'.repeat(200)}`);
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    expect(lines[0]).toContain('"x\\n[attune-collector] all good');
    expect(lines[0]!.length).toBeLessThan(300);
  });

  it('sums a flood of distinct values into one line a minute instead of one line each', () => {
    let t = 0;
    const lines: string[] = [];
    const log = createRefusalLog(
      (l) => lines.push(l),
      () => t,
    );
    for (let i = 0; i < 1500; i++) log.note('origin', `https://${i}.example`);
    expect(lines).toHaveLength(1001);
    expect(lines[1000]).toBe('[attune-collector] refused 1 more requests from origins and sites too many to name one by one (403)');
    t = 60_000;
    log.note('origin', 'https://new.example');
    expect(lines.at(-1)).toMatch(/refused origin "https:\/\/new.example"/);
  });
});
