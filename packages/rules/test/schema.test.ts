import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintRules, SIGNAL_TYPES, validateRules } from '@attune/rules';
import { checkJsonSchema } from './json-schema-subset';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = join(here, '../../..');
const schema = JSON.parse(readFileSync(join(here, '../schema/rules.schema.json'), 'utf8')) as Record<string, any>;

const namesSchema = (path: string): boolean => {
  try {
    const json = JSON.parse(readFileSync(path, 'utf8'));
    return typeof json?.$schema === 'string' && json.$schema.endsWith('/rules.schema.json');
  } catch {
    return false;
  }
};

/** Every rules file shipped in the repo: recipes, and any JSON under examples/ or packages/ that names the schema. */
function rulesFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.json') && namesSchema(path)) found.push(path);
    }
  };
  walk(join(repo, 'packages'));
  walk(join(repo, 'examples'));
  return found.sort();
}

describe('rules.schema.json', () => {
  const files = rulesFiles();

  it('finds the recipe files', () => {
    expect(files.map((f) => relative(repo, f))).toEqual(
      expect.arrayContaining([
        'packages/rules/recipes/pricing-help.json',
        'packages/rules/recipes/form-struggle.json',
        'packages/rules/recipes/progressive-profiling.json',
        'packages/rules/recipes/shadow-exit-intent.json',
        'packages/rules/recipes/comparing-intent.json',
        'packages/rules/recipes/guardrails.json',
      ]),
    );
  });

  it.each(files.map((f) => [relative(repo, f), f]))('%s passes both the JSON Schema and the validator', (_name, file) => {
    const json = JSON.parse(readFileSync(file, 'utf8'));
    expect(checkJsonSchema(schema, json)).toEqual([]);
    const result = validateRules(json);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.rules?.rules.length).toBe(json.rules.length);
  });

  it.each(files.map((f) => [relative(repo, f), f]))('%s models calm content: no tone findings', (_name, file) => {
    const result = validateRules(JSON.parse(readFileSync(file, 'utf8')));
    expect(lintRules(result.rules!, { strict: true })).toEqual([]);
  });

  it('lists exactly the signals the validator knows', () => {
    expect(schema.definitions.signalCondition.properties.signal.enum).toEqual([...SIGNAL_TYPES]);
  });

  it('rejects what the validator rejects structurally', () => {
    const help = { type: 'help', title: 'T', body: 'B' };
    const bad: unknown[] = [
      [],
      {},
      { rules: {} },
      { rules: [], version: 2 },
      { rules: [], enabled: 'no' },
      { rules: [{ id: 'a', when: { signal: 'rage_clik' }, show: help }] },
      { rules: [{ id: 'a', when: { page: '/x' }, show: { ...help, links: [{ label: 'x', href: 'javascript:alert(1)' }] } }] },
      { rules: [{ id: 'a', when: { page: '/x' }, show: { ...help, links: [{ label: 'x', href: '//evil.example' }] } }] },
      { rules: [{ id: 'a', when: { page: '/x' }, show: { ...help, dismissible: false } }] },
      { rules: [{ id: 'a', when: { page: '/x' }, show: { type: 'ask', question: 'Role?' } }] },
      { rules: [{ id: 'a', when: { fact: 'visitor.visits', gte: 1, lte: 3 }, show: help }] },
      { rules: [{ id: 'a', when: { signal: 'rage_click', within: 'soon' }, show: help }] },
      { rules: [{ id: 'a', when: { all: [] }, show: help }] },
      { rules: [{ id: 'a', when: { page: '/x' }, show: help, holdout: 0.9 }] },
      { rules: [{ id: 'a', when: { page: '/x', signal: 'rage_click' }, show: help }] },
      { rules: [{ id: 'a', when: { views: 'pricing' }, show: help }] },
      { rules: [{ id: 'a', when: { views: '/pricing*', atLeast: 51 }, show: help }] },
      { rules: [{ id: 'a', when: { views: '/pricing*', within: 'a while' }, show: help }] },
      { rules: [{ id: 'a', when: { views: '/pricing*', target: 'plans' }, show: help }] },
    ];
    for (const input of bad) {
      expect(checkJsonSchema(schema, input), JSON.stringify(input)).not.toEqual([]);
      const result = validateRules(input);
      expect(result.rules === null || result.rules.rules.length === 0, JSON.stringify(input)).toBe(true);
    }
  });
});
