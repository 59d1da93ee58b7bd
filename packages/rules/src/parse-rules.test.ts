import { describe, expect, it } from 'vitest';
import { parseRules } from './parse-rules';

const VALID = JSON.stringify({
  version: 1,
  rules: [{ id: 'pricing-help', when: { page: '/pricing*' }, show: { type: 'help', title: 'Need a hand?', body: 'Compare plans.' } }],
});

describe('parseRules', () => {
  it('parses and validates valid JSON text', () => {
    const result = parseRules(VALID);
    expect(result.ok).toBe(true);
    expect(result.errors).toEqual([]);
    expect(result.rules?.rules.map((r) => r.id)).toEqual(['pricing-help']);
  });

  it('names the line and column of malformed JSON', () => {
    const result = parseRules('{\n  "rules": [\n    { "id": "a", }\n  ]\n}');
    expect(result).toMatchObject({ ok: false, rules: null });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.path).toBe('$');
    expect(result.errors[0]?.message).toMatch(/^Malformed JSON at line 3, column 18: /);
  });

  it('ignores a leading byte-order mark', () => {
    expect(parseRules(`\uFEFF${VALID}`).ok).toBe(true);
  });

  it('refuses text over 512 KiB without parsing it', () => {
    const result = parseRules(`{"rules":[],"x":"${'a'.repeat(600 * 1024)}"}`);
    expect(result.ok).toBe(false);
    expect(result.errors[0]?.message).toContain('larger than 512 KiB');
  });

  it('refuses __proto__ keys that JSON.parse creates as own properties', () => {
    const result = parseRules('{"rules":[],"__proto__":{"polluted":true}}');
    expect(result).toMatchObject({ ok: false, rules: null });
    expect(result.errors[0]?.path).toBe('$.__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('returns an error instead of throwing for non-string input', () => {
    expect(parseRules(42 as unknown as string)).toMatchObject({ ok: false, rules: null });
  });
});
