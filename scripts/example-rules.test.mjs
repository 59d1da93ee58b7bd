// The example apps ship their own rules files: they must load, and read well, with this version of Attune.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintRules, validateRules } from '../packages/rules/src/index.ts';

const APPS = ['react-app', 'vue-app'];

describe.each(APPS)('examples/%s/public/attune-rules.json', (app) => {
  const file = JSON.parse(readFileSync(new URL(`../examples/${app}/public/attune-rules.json`, import.meta.url), 'utf8'));

  it('is a valid rules file: ok, zero errors, no rule skipped', () => {
    const result = validateRules(file);
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.rules?.rules).toHaveLength(file.rules.length);
  });

  it('passes the content linter in strict mode', () => {
    expect(lintRules(validateRules(file).rules, { strict: true })).toEqual([]);
  });

  it('has a pricing rule that fires on rage clicks on the pricing section, which the e2e spec relies on', () => {
    const pricing = file.rules.find((rule) => rule.id.startsWith('pricing-'));
    expect(pricing?.show.type).toBe('help');
    expect(JSON.stringify(pricing?.when)).toContain('"signal":"rage_click","target":"pricing*"');
  });
});
