import { describe, expect, it } from 'vitest';
import { checkInputLimits } from './input-limits';

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

describe('checkInputLimits', () => {
  it('accepts ordinary JSON data', () => {
    expect(checkInputLimits({ rules: [{ id: 'a', when: { all: [] } }], enabled: true, n: null })).toBeNull();
    expect(checkInputLimits(nested(32))).toBeNull();
  });

  it('refuses __proto__, constructor and prototype keys with their path', () => {
    expect(checkInputLimits(JSON.parse('{"rules":[{"__proto__":{"x":1}}]}'))).toEqual({
      path: '$.rules[0].__proto__',
      code: 'refused_key',
      params: { key: '__proto__' },
    });
    expect(checkInputLimits({ a: { constructor: 1 } })?.path).toBe('$.a.constructor');
    expect(checkInputLimits({ prototype: 1 })?.path).toBe('$.prototype');
  });

  it('refuses nesting deeper than 32 levels', () => {
    expect(checkInputLimits(nested(33))).toEqual({
      path: '$.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a',
      code: 'refused_depth',
      params: { max: 32 },
    });
  });

  it('refuses oversized input, long strings and non-JSON values', () => {
    expect(checkInputLimits({ rules: new Array(60_000).fill(0) })?.code).toBe('refused_size');
    expect(checkInputLimits({ s: 'x'.repeat(10_001) })?.path).toBe('$.s');
    expect(checkInputLimits({ f: () => 1 })?.path).toBe('$.f');
    expect(checkInputLimits({ d: new Date(0) })?.path).toBe('$.d');
    expect(checkInputLimits({ n: Number.NaN })?.path).toBe('$.n');
  });

  it('terminates on cyclic objects by refusing them as too deep', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(checkInputLimits(cyclic)?.code).toBe('refused_depth');
  });
});
