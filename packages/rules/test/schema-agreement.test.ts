import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { validateRules } from '@attune/rules';

// The JSON Schema editors use and the validator Attune runs must accept exactly the same files (#16).
// Property test: seeded edits to the shipped recipes, of the kinds the two disagreed on (padded or
// odd durations, `$comment` anywhere, of any type), each file judged by both.

const here = fileURLToPath(new URL('.', import.meta.url));
const schema = JSON.parse(readFileSync(`${here}../schema/rules.schema.json`, 'utf8')) as Record<string, unknown>;
const recipes = readdirSync(`${here}../recipes/`).map((f) => JSON.parse(readFileSync(`${here}../recipes/${f}`, 'utf8')) as unknown);

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DURATION_KEYS = new Set(['within', 'cooldown', 'minGap', 'snooze', 'afterSkip']);
// Well-formed ones lie inside every duration field's range (ranges are the validator's alone to check).
const DURATIONS: unknown[] = [
  '5m',
  '10m',
  '0.5h',
  '120s',
  '0005m',
  ' 30m',
  '30m ',
  '\t5m',
  '30 m',
  '.5m',
  '5.m',
  '30M',
  '',
  'm',
  `${'0'.repeat(19)}5m`,
  30,
  '30',
  '1e3m',
  '+30m',
  '-30m',
];
const COMMENTS: unknown[] = ['a note', '', 42, null, { note: 'x' }, ['x'], true];

/** Every object inside a JSON value, with a setter for its keys. */
function objects(value: unknown, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(value)) for (const item of value) objects(item, found);
  else if (value && typeof value === 'object') {
    found.push(value as Record<string, unknown>);
    for (const item of Object.values(value)) objects(item, found);
  }
  return found;
}

describe('the validator and rules.schema.json', { timeout: 60_000 }, () => {
  // `$data`-free draft-07 schema; strict mode off so `description` and `$comment` keywords pass.
  const ajv = new Ajv({ strict: false, allErrors: false });
  const schemaAccepts = ajv.compile(schema);

  it('accept exactly the same files: 3,000 seeded edits of durations and $comment in the recipes', () => {
    const rand = prng(0xa1);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
    const disagreements: string[] = [];
    let accepted = 0;
    for (let i = 0; i < 3000; i++) {
      const file = structuredClone(recipes[i % recipes.length]);
      const nodes = objects(file);
      const made: string[] = [];
      for (let edits = 1 + Math.floor(rand() * 3); edits > 0; edits--) {
        const node = pick(nodes);
        const durationKey = Object.keys(node).find((k) => DURATION_KEYS.has(k));
        const key = durationKey && rand() < 0.6 ? durationKey : '$comment';
        node[key] = pick(key === '$comment' ? COMMENTS : DURATIONS);
        made.push(`${key}=${JSON.stringify(node[key])} in {${Object.keys(node).slice(0, 4).join(',')}}`);
      }
      const ours = validateRules(file).errors.length === 0;
      const theirs = schemaAccepts(file) === true;
      if (ours) accepted++;
      if (ours !== theirs)
        disagreements.push(
          `${ours ? 'validator' : 'schema'} alone accepts: ${made.join('; ')} ${JSON.stringify(validateRules(file).errors.map((e) => e.path))} ${JSON.stringify(schemaAccepts.errors?.map((e) => e.instancePath))}`,
        );
    }
    expect(disagreements.slice(0, 5)).toEqual([]);
    // Both verdicts must be common, or agreement would prove little.
    expect(accepted).toBeGreaterThan(200);
    expect(accepted).toBeLessThan(2500);
  });
});
