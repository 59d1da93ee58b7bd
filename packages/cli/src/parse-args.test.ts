import { describe, expect, it } from 'vitest';
import { parseArgs } from './parse-args';

describe('parseArgs', () => {
  it('separates positionals from --flags, and -- ends flags', () => {
    expect(parseArgs(['lint', 'r.json', '--strict'])).toEqual({ positionals: ['lint', 'r.json'], flags: new Set(['strict']) });
    expect(parseArgs(['init', '--', '--weird-name.json'])).toEqual({ positionals: ['init', '--weird-name.json'], flags: new Set() });
    expect(parseArgs(['-h']).flags.has('help')).toBe(true);
  });
});
