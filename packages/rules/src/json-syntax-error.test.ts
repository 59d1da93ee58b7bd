import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from './json-syntax-error';

describe('findJsonSyntaxError', () => {
  it('returns null for valid JSON of every kind', () => {
    for (const ok of ['{}', '[]', ' 1 ', '"a\\n\\u00e9"', '{"a":[1,-2.5e3,true,false,null,{"b":"c"}]}', '\r\n{ "a" : 1 }\n']) {
      expect(findJsonSyntaxError(ok), ok).toBeNull();
      expect(() => JSON.parse(ok)).not.toThrow();
    }
  });

  it('names the line and column of a trailing comma', () => {
    const error = findJsonSyntaxError('{\n  "a": 1,\n}');
    expect(error).toMatchObject({ line: 3, column: 1 });
    expect(error?.reason).toContain('trailing commas');
  });

  it('names the line and column of a missing comma', () => {
    const error = findJsonSyntaxError('{\n  "a": 1\n  "b": 2\n}');
    expect(error).toMatchObject({ line: 3, column: 3 });
    expect(error?.reason).toBe('expected `,` or `}`, found `"`');
  });

  it('explains single quotes, unclosed strings and early ends', () => {
    expect(findJsonSyntaxError("{'a': 1}")?.reason).toContain('double quotes');
    expect(findJsonSyntaxError('{"a": "b}')).toMatchObject({ line: 1, column: 7 });
    expect(findJsonSyntaxError('{"a": [1, 2')?.reason).toContain('the end of the file');
    expect(findJsonSyntaxError('{"a": 1} x')?.reason).toContain('after the end of the data');
    expect(findJsonSyntaxError('')?.reason).toBe('expected a value, found the end of the file');
  });

  it('agrees with JSON.parse on what is invalid', () => {
    for (const bad of ['{a:1}', '[1,]', '01', '{"a":1,}', '"\t"', '"\\x"', 'tru', '[', '{"a" 1}', 'NaN', '-']) {
      expect(() => JSON.parse(bad), bad).toThrow();
      expect(findJsonSyntaxError(bad), bad).not.toBeNull();
    }
  });

  it('handles very deep nesting without overflowing the stack', () => {
    expect(findJsonSyntaxError('['.repeat(200_000))?.reason).toContain('the end of the file');
  });
});
