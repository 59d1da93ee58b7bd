import { childPath } from '@attune/rules';

/** Line and column (both from 1) of a place in a text file. */
export interface Location {
  line: number;
  column: number;
}

/**
 * Maps every JSON path in valid JSON text (`$.rules[0].when`) to where it starts: a property's
 * key, an array element's first character. Lets `attune validate` print `rules.json:12:7` so
 * editors jump straight to the problem. Returns an empty map for text it cannot read.
 *
 * @example locateJsonPaths('{\n  "rules": []\n}').get('$.rules') // { line: 2, column: 3 }
 */
export function locateJsonPaths(text: string): Map<string, Location> {
  const found = new Map<string, Location>();
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const here = (): Location => ({ line, column: i - lineStart + 1 });
  const skip = () => {
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        line++;
        lineStart = i + 1;
      } else if (c !== 32 && c !== 9 && c !== 13) break;
    }
  };
  const readString = (): string => {
    const start = i;
    for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string, depth: number): void => {
    if (depth > 64) throw new Error('too deep');
    skip();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      for (let index = 0; ; index++) {
        skip();
        if (text[i] === close) {
          i++;
          return;
        }
        if (c === '{') {
          const at = here();
          const key = readString();
          const keyPath = childPath(path, key);
          found.set(keyPath, at);
          skip();
          i++; // the colon
          value(keyPath, depth + 1);
        } else {
          skip();
          const elementPath = childPath(path, index);
          found.set(elementPath, here());
          value(elementPath, depth + 1);
        }
        skip();
        if (text[i] === ',') i++;
      }
    }
    if (c === '"') {
      readString();
      return;
    }
    const literal = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 40));
    if (!literal) throw new Error('not JSON');
    i += literal[0].length;
  };
  try {
    // Only valid JSON gets locations; the scanner below trusts its syntax.
    JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    if (text.charCodeAt(0) === 0xfeff) i = 1;
    skip();
    found.set('$', here());
    value('$', 0);
  } catch {
    return new Map();
  }
  return found;
}

/**
 * Where a JSON path points in the text: the path itself or, for a field that is missing, the
 * closest ancestor that exists (`$.rules[0].show.field` → `$.rules[0].show`).
 *
 * @example locatePath(locateJsonPaths(text), '$.rules[0].show.field')
 */
export function locatePath(locations: ReadonlyMap<string, Location>, path: string): Location | undefined {
  let current = path;
  for (;;) {
    const found = locations.get(current);
    if (found) return found;
    const cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
    if (cut <= 0) return locations.get('$');
    current = current.slice(0, cut);
  }
}
