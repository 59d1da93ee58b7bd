import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES_SCHEMA_URL } from './schema-url';

describe('RULES_SCHEMA_URL', () => {
  it('is the $id of the shipped schema', () => {
    const schema = JSON.parse(readFileSync(new URL('../schema/rules.schema.json', import.meta.url), 'utf8'));
    expect(schema.$id).toBe(RULES_SCHEMA_URL);
  });
});
