import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('cli.ts', () => {
  it('starts with the node shebang so the bundled bin runs directly', () => {
    expect(readFileSync(new URL('./cli.ts', import.meta.url), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});
