import { describe, expect, it } from 'vitest';
import { locateJsonPaths, locatePath } from './locate-json-paths';

const text = `{
  "rules": [
    {
      "id": "a",
      "when": { "all": [{ "signal": "rage_clik" }] },
      "show": { "type": "ask", "question": "Role?" }
    }
  ],
  "weird key": { "fr-CA": 1 }
}`;

describe('locateJsonPaths', () => {
  it('finds keys and array elements by their JSON path', () => {
    const at = locateJsonPaths(text);
    expect(at.get('$')).toEqual({ line: 1, column: 1 });
    expect(at.get('$.rules')).toEqual({ line: 2, column: 3 });
    expect(at.get('$.rules[0]')).toEqual({ line: 3, column: 5 });
    expect(at.get('$.rules[0].when.all[0].signal')).toEqual({ line: 5, column: 27 });
    expect(at.get('$["weird key"]["fr-CA"]')).toEqual({ line: 9, column: 18 });
  });

  it('returns an empty map for text that is not JSON', () => {
    expect(locateJsonPaths('{"a": }').size).toBe(0);
    expect(locateJsonPaths('['.repeat(100) + ']'.repeat(100)).size).toBe(0);
  });
});

describe('locatePath', () => {
  it('falls back to the closest existing ancestor for a missing field', () => {
    const at = locateJsonPaths(text);
    expect(locatePath(at, '$.rules[0].show.field')).toEqual({ line: 6, column: 7 });
    expect(locatePath(at, '$.nothing.here')).toEqual({ line: 1, column: 1 });
  });
});
