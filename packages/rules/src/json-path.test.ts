import { describe, expect, it } from 'vitest';
import { childPath } from './json-path';

describe('childPath', () => {
  it('appends indices in brackets, identifiers with a dot and other keys quoted', () => {
    expect(childPath('$.rules', 2)).toBe('$.rules[2]');
    expect(childPath('$', 'rules')).toBe('$.rules');
    expect(childPath('$.show.locales', 'fr-CA')).toBe('$.show.locales["fr-CA"]');
    expect(childPath('$', '$schema')).toBe('$.$schema');
  });
});
