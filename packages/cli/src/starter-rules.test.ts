import { validateRules } from '@attune/rules';
import { describe, expect, it } from 'vitest';
import { starterRules } from './starter-rules';

describe('starterRules', () => {
  it('is valid and has no rule that can fire on a single weak signal, nor any warning', () => {
    const result = validateRules(JSON.parse(starterRules()));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.rules!.rules.filter((r) => (r.status ?? 'live') === 'live').length).toBeGreaterThan(0);
  });
});
