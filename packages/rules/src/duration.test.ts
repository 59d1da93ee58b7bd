import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration';

describe('parseDuration', () => {
  it('reads every unit into milliseconds', () => {
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('5m')).toBe(300_000);
    expect(parseDuration('2h')).toBe(7_200_000);
    expect(parseDuration('1d')).toBe(86_400_000);
    expect(parseDuration('2w')).toBe(1_209_600_000);
    expect(parseDuration('1.5m')).toBe(90_000);
  });

  it('returns null for text that is not a duration', () => {
    for (const bad of ['', '30', 's', '-5s', '5 minutes', '5M', '1e3s', 30, null, undefined, {}]) {
      expect(parseDuration(bad)).toBeNull();
    }
  });
});

describe('formatDuration', () => {
  it('prints the largest exact unit', () => {
    expect(formatDuration(60_000)).toBe('1m');
    expect(formatDuration(90_000)).toBe('90s');
    expect(formatDuration(86_400_000)).toBe('1d');
    expect(formatDuration(1500)).toBe('1500ms');
  });
});
