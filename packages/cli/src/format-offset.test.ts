import { describe, expect, it } from 'vitest';
import { formatOffset } from './format-offset';

describe('formatOffset', () => {
  it('prints seconds, minutes and hours compactly', () => {
    expect(formatOffset(4200)).toBe('+4.2s');
    expect(formatOffset(125_000)).toBe('+2m05s');
    expect(formatOffset(3_720_000)).toBe('+1h02m');
    expect(formatOffset(-5)).toBe('+0.0s');
  });
});
