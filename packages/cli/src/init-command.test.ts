import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintRules, RULES_SCHEMA_URL, validateRules } from '@attune/rules';
import { checkJsonSchema } from '../../rules/test/json-schema-subset';
import { createFakeIo } from '../test/fake-io';
import { runCli } from './run-cli';

const schema = JSON.parse(readFileSync(new URL('../../rules/schema/rules.schema.json', import.meta.url), 'utf8'));

describe('attune init', () => {
  it('writes attune-rules.json with $schema and exits 0', async () => {
    const io = createFakeIo();
    expect(await runCli(['init'], io)).toBe(0);
    const written = JSON.parse(io.files.get('attune-rules.json') ?? 'null');
    expect(written.$schema).toBe(RULES_SCHEMA_URL);
    expect(io.out()).toContain('Wrote attune-rules.json.');
  });

  it('writes a starter that passes the schema, the validator and the linter', async () => {
    const io = createFakeIo();
    await runCli(['init', 'my-rules.json'], io);
    const json = JSON.parse(io.files.get('my-rules.json') as string);
    expect(checkJsonSchema(schema, json)).toEqual([]);
    const result = validateRules(json);
    expect(result.errors).toEqual([]);
    expect(result.rules?.rules.map((r) => [r.id, r.status])).toEqual([
      ['pricing-help', 'live'],
      ['signup-errors', 'shadow'],
      ['ask-role', 'off'],
    ]);
    expect(lintRules(result.rules!, { strict: true })).toEqual([]);
  });

  it('comments every example rule', async () => {
    const io = createFakeIo();
    await runCli(['init'], io);
    const json = JSON.parse(io.files.get('attune-rules.json') as string);
    for (const rule of json.rules) expect(typeof rule.$comment).toBe('string');
  });

  it('refuses to overwrite an existing file unless --force', async () => {
    const io = createFakeIo({ 'attune-rules.json': 'mine' });
    expect(await runCli(['init'], io)).toBe(1);
    expect(io.err()).toContain('already exists; use --force');
    expect(io.files.get('attune-rules.json')).toBe('mine');
    expect(await runCli(['init', '--force'], io)).toBe(0);
    expect(io.files.get('attune-rules.json')).toContain('"$schema"');
  });
});
