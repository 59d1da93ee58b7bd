import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync('README.md', 'utf8');
const ci = readFileSync('.ci/run', 'utf8');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

const shBlocks = [...readme.matchAll(/```sh\n([^`]+?)\n```/g)].map((m) => m[1].trim());

describe('README', () => {
  it('gives exactly two setup commands: the demo and the tests', () => {
    expect(shBlocks).toHaveLength(2);
    expect(shBlocks[0]).toMatch(/install && .* demo$/);
    expect(shBlocks[1]).toMatch(/install && .* test$/);
  });

  it('has the same test command that .ci/run runs', () => {
    const ciCommand = ci
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
      .pop();
    expect(ciCommand).toBe(shBlocks[1]);
  });

  it('quotes the same brotli budgets that size-limit enforces', () => {
    for (const entry of pkg['size-limit']) {
      const row = readme.split('\n').find((line) => line.startsWith(`| ${entry.name} |`));
      expect(row, `README row for ${entry.name}`).toBeDefined();
      expect(row?.trim().endsWith(`| ${entry.limit} |`)).toBe(true);
    }
  });
});
