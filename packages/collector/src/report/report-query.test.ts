import { describe, expect, it } from 'vitest';
import { parseReportQuery, parseSince } from './report-query';

const NOW = Date.UTC(2026, 11, 3, 12);
const parse = (q: string) => parseReportQuery(new URLSearchParams(q), { minCount: 20 }, NOW);

describe('parseReportQuery', () => {
  it('reads site, goal, a date range, segments and min-count', () => {
    expect(parse('site=shop&goal=signup&from=2026-11-02&to=1794355200000&device=mobile&referrer=search&min-count=3')).toEqual({
      minCount: 3,
      now: NOW,
      site: 'shop',
      goal: 'signup',
      from: Date.UTC(2026, 10, 2),
      to: 1794355200000,
      device: 'mobile',
      referrer: 'search',
    });
  });

  it('turns since into a start relative to now, never earlier than from', () => {
    expect(parse('since=7d')).toMatchObject({ from: NOW - 7 * 86_400_000 });
    expect(parse('since=24h')).toMatchObject({ from: NOW - 86_400_000 });
    expect(parse(`since=30d&from=${NOW - 86_400_000}`)).toMatchObject({ from: NOW - 86_400_000 });
    expect(parseSince('1w')).toBeNull();
  });

  it('names the malformed parameter instead of ignoring it', () => {
    expect(parse('from=yesterday')).toMatchObject({ path: 'from' });
    expect(parse('since=-3d')).toMatchObject({ path: 'since' });
    expect(parse('device=phone')).toMatchObject({ path: 'device' });
    expect(parse('min-count=0')).toMatchObject({ path: 'min-count' });
    expect(parse('min-count=2.5')).toMatchObject({ path: 'min-count' });
    expect(parse(`referrer=${'x'.repeat(101)}`)).toMatchObject({ path: 'referrer' });
  });
});
