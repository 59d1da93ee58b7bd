import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate, explain, holdoutBucket, validateRules, type Facts, type History } from '@attune/rules';

interface EvaluateCase {
  name: string;
  rules: unknown;
  facts?: Partial<Facts>;
  history?: History;
  now?: number;
  expect: {
    decision?: string | null;
    shadow?: string[];
    blocked?: unknown[];
    evidence?: unknown[];
    reasons?: unknown[];
    explain?: Record<string, string>;
    action?: unknown;
    because?: string;
    holdout?: string;
  };
}
interface ValidateCase {
  name: string;
  rules: unknown;
  expect: { ok: boolean; kept: string[] | null; errorPaths: string[] };
}
interface Cases {
  now: number;
  baseFacts: Facts;
  evaluate: EvaluateCase[];
  validate: ValidateCase[];
  holdoutBuckets: { visitorId: string; ruleId: string; bucket: number }[];
}

const cases = JSON.parse(readFileSync(fileURLToPath(new URL('./cases.json', import.meta.url)), 'utf8')) as Cases;

describe('conformance: evaluate', () => {
  it.each(cases.evaluate.map((c) => [c.name, c]))('%s', (_name, c) => {
    const validation = validateRules(c.rules);
    expect(validation.errors).toEqual([]);
    const facts = { ...cases.baseFacts, ...c.facts } as Facts;
    const result = evaluate(validation.rules!, facts, c.history ?? { shown: [], dismissed: [] }, c.now ?? cases.now);
    const want = c.expect;
    if ('decision' in want) expect(result.decision?.ruleId ?? null).toBe(want.decision);
    if (want.shadow) expect(result.shadow.map((d) => d.ruleId)).toEqual(want.shadow);
    if (want.blocked) expect(result.blocked).toEqual(want.blocked);
    if (want.evidence) expect(result.decision?.evidence).toEqual(want.evidence);
    if (want.reasons) expect(result.decision?.reasons).toEqual(want.reasons);
    // "Why am I seeing this?" in each language the vector lists (the decision's content stays as evaluated).
    for (const [locale, text] of Object.entries(want.explain ?? {})) expect(explain(result.decision!, locale)).toBe(text);
    if (want.action) expect(result.decision?.action).toEqual(want.action);
    if (want.because) expect(result.decision?.because).toBe(want.because);
    if (want.holdout) expect(result.decision?.holdout).toBe(want.holdout);
  });
});

describe('conformance: validate', () => {
  it.each(cases.validate.map((c) => [c.name, c]))('%s', (_name, c) => {
    const result = validateRules(c.rules);
    expect(result.ok).toBe(c.expect.ok);
    expect(result.rules ? result.rules.rules.map((r) => r.id) : null).toEqual(c.expect.kept);
    expect(result.errors.map((e) => e.path)).toEqual(c.expect.errorPaths);
  });
});

describe('conformance: holdout buckets', () => {
  it('has vectors', () => {
    expect(cases.holdoutBuckets.length).toBeGreaterThan(0);
  });

  it.each(cases.holdoutBuckets.map((c) => [`${c.visitorId} × ${c.ruleId}`, c]))('%s', (_name, c) => {
    expect(holdoutBucket(c.visitorId, c.ruleId)).toBe(c.bucket);
  });
});
