import { describe, expect, it } from 'vitest';
import { checkJsonSchema } from './check-json-schema';

describe('checkJsonSchema', () => {
  const schema = {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'tags'],
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 5, pattern: '^[a-z]+$' },
      size: { type: 'number', minimum: 0, maximum: 10 },
      tags: { type: 'array', maxItems: 2, items: { $ref: '#/definitions/tag' } },
      'odd key': { type: 'boolean' },
    },
    definitions: { tag: { enum: ['a', 'b'] } },
  };

  it('returns null for a valid value', () => {
    expect(checkJsonSchema(schema, { name: 'abc', tags: ['a'] })).toBeNull();
  });

  it('names an unknown field by its path before a missing required one', () => {
    expect(checkJsonSchema(schema, { nme: 'abc' })).toEqual({ path: '$.nme', error: 'unknown field' });
  });

  it('names a missing required field', () => {
    expect(checkJsonSchema(schema, { name: 'abc' })).toEqual({ path: '$.tags', error: 'is required' });
  });

  it('follows $ref into definitions and reports array items by index', () => {
    expect(checkJsonSchema(schema, { name: 'abc', tags: ['a', 'z'] })).toEqual({ path: '$.tags[1]', error: 'must be one of "a", "b"' });
  });

  it('enforces string length, pattern, number range and array size', () => {
    expect(checkJsonSchema(schema, { name: 'abcdef', tags: [] })?.error).toBe('must have at most 5 characters');
    expect(checkJsonSchema(schema, { name: 'ABC', tags: [] })?.error).toBe('must match ^[a-z]+$');
    expect(checkJsonSchema(schema, { name: 'a', size: 11, tags: [] })).toEqual({ path: '$.size', error: 'must be at most 10' });
    expect(checkJsonSchema(schema, { name: 'a', tags: ['a', 'a', 'b'] })?.error).toBe('must have at most 2 items');
  });

  it('quotes keys that are not identifiers in paths', () => {
    expect(checkJsonSchema(schema, { name: 'a', tags: [], 'odd key': 1 })).toEqual({ path: '$["odd key"]', error: 'must be boolean' });
  });

  it('picks the then branch whose if matches', () => {
    const s = {
      allOf: [
        { if: { properties: { kind: { const: 'x' } } }, then: { required: ['x'] } },
        { if: { properties: { kind: { const: 'y' } } }, then: { required: ['y'] } },
      ],
    };
    expect(checkJsonSchema(s, { kind: 'y', x: 1 })).toEqual({ path: '$.y', error: 'is required' });
    expect(checkJsonSchema(s, { kind: 'x', x: 1 })).toBeNull();
  });

  it('explains an anyOf failure with the branch of the same JSON type', () => {
    const s = {
      anyOf: [
        { type: 'string', maxLength: 2 },
        { type: 'array', items: { type: 'string' } },
      ],
    };
    expect(checkJsonSchema(s, 'abc')?.error).toBe('must have at most 2 characters');
    expect(checkJsonSchema(s, ['a', 1])).toEqual({ path: '$[1]', error: 'must be string' });
    expect(checkJsonSchema(s, 5)?.error).toBe('matches none of the allowed shapes');
  });

  it('rejects numbers that JSON cannot carry and treats integers as numbers', () => {
    expect(checkJsonSchema({ type: 'number' }, Number.NaN)).toEqual({ path: '$', error: 'must be a finite number' });
    expect(checkJsonSchema({ type: 'number' }, 3)).toBeNull();
    expect(checkJsonSchema({ type: 'integer' }, 3.5)?.error).toBe('must be integer');
  });

  it('throws on a keyword it does not enforce instead of ignoring it', () => {
    expect(() => checkJsonSchema({ format: 'email' }, 'x')).toThrow(/unsupported JSON Schema keyword format/);
  });
});
