/** Where and why JSON text is malformed. Lines and columns start at 1. */
export interface JsonSyntaxError {
  offset: number;
  line: number;
  column: number;
  reason: string;
}

type State = 'value' | 'valueOrClose' | 'keyOrClose' | 'key' | 'colon' | 'after';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;

/** Line and 1-based column of an offset, counting `\n`, `\r\n` and `\r` as line breaks. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Scans a string literal starting at the quote; returns the offset after it or an error. */
function scanString(text: string, start: number): number | { at: number; reason: string } {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) return { at: i, reason: 'a line break or control character inside a string (use \\n)' };
    if (code === 0x5c) {
      const next = text[i + 1];
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { at: i, reason: 'a bad \\u escape' };
        i += 6;
        continue;
      }
      if (next === undefined || !'"\\/bfnrt'.includes(next)) return { at: i, reason: 'a bad escape sequence' };
      i += 2;
      continue;
    }
    i++;
  }
  return { at: start, reason: 'a string that is never closed' };
}

function describe(c: string | undefined): string {
  if (c === undefined) return 'the end of the file';
  if (c === "'") return 'a single quote (JSON needs double quotes)';
  return `\`${c}\``;
}

/**
 * Finds the first syntax error in JSON text, with its line and column, or `null` when the
 * text is valid JSON. Iterative, so deeply nested input cannot overflow the stack.
 *
 * @example findJsonSyntaxError('{\n  "a": 1,\n}') // { line: 3, column: 1, reason: 'expected a property name in double quotes, found `}` (no trailing commas in JSON)', ... }
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const stack: ('{' | '[')[] = [];
  let state: State = 'value';
  let i = 0;
  const fail = (at: number, reason: string): JsonSyntaxError => ({ offset: at, ...lineAndColumn(text, at), reason });

  for (;;) {
    WHITESPACE.lastIndex = i;
    WHITESPACE.exec(text);
    i = WHITESPACE.lastIndex;
    const c = text[i];

    if (state === 'after') {
      const top = stack[stack.length - 1];
      if (top === undefined) return c === undefined ? null : fail(i, `unexpected ${describe(c)} after the end of the data`);
      if (c === ',') {
        state = top === '{' ? 'key' : 'value';
        i++;
      } else if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
        stack.pop();
        i++;
      } else {
        const close = top === '{' ? '}' : ']';
        return fail(i, `expected \`,\` or \`${close}\`, found ${describe(c)}`);
      }
      continue;
    }

    if (state === 'colon') {
      if (c !== ':') return fail(i, `expected \`:\` after a property name, found ${describe(c)}`);
      state = 'value';
      i++;
      continue;
    }

    if (state === 'keyOrClose' || state === 'key') {
      if (c === '}' && state === 'keyOrClose') {
        stack.pop();
        state = 'after';
        i++;
        continue;
      }
      if (c !== '"') {
        const hint = c === '}' ? ' (no trailing commas in JSON)' : '';
        return fail(i, `expected a property name in double quotes, found ${describe(c)}${hint}`);
      }
      const end = scanString(text, i);
      if (typeof end !== 'number') return fail(end.at, end.reason);
      i = end;
      state = 'colon';
      continue;
    }

    // state is 'value' or 'valueOrClose'
    if (c === ']' && state === 'valueOrClose') {
      stack.pop();
      state = 'after';
      i++;
      continue;
    }
    if (c === '{' || c === '[') {
      stack.push(c);
      state = c === '{' ? 'keyOrClose' : 'valueOrClose';
      i++;
      continue;
    }
    if (c === '"') {
      const end = scanString(text, i);
      if (typeof end !== 'number') return fail(end.at, end.reason);
      i = end;
      state = 'after';
      continue;
    }
    const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
    if (literal) {
      i += literal.length;
      state = 'after';
      continue;
    }
    NUMBER.lastIndex = i;
    if (c !== undefined && /[-\d]/.test(c) && NUMBER.exec(text)) {
      i = NUMBER.lastIndex;
      state = 'after';
      continue;
    }
    const hint = c === ']' ? ' (no trailing commas in JSON)' : '';
    return fail(i, `expected a value, found ${describe(c)}${hint}`);
  }
}
