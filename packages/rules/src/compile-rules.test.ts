import { describe, expect, it } from 'vitest';
import { compileBoundedRegex } from './bounded-regex';
import { compileRules } from './compile-rules';
import { validateRules } from './validate-rules';

const help = { type: 'help', title: 'Need a hand?', body: 'Plans differ in support.' };
const inputs: unknown[] = [
  { rules: [{ id: 'a', when: { signal: 'rage_click', target: 'pricing*', within: '60s' }, show: help }] },
  {
    rules: [
      { id: 'a', when: { signal: 'rage_clik' }, show: help },
      { id: 'b', when: { page: '/x' }, show: { ...help, links: [{ label: 'x', href: 'javascript:x' }] } },
      { id: 'c', when: { page: '/x' }, show: help },
    ],
  },
  { rules: {} },
  JSON.parse('{"rules":[],"__proto__":{}}'),
  { rules: [], defaults: { quietPages: ['/admin*'] } },
];

describe('compileRules', () => {
  it('keeps exactly the rules validateRules keeps', () => {
    for (const input of inputs) expect(compileRules(input, compileBoundedRegex).rules).toEqual(validateRules(input).rules);
  });

  it('reports the same paths and codes, with the code as the message', () => {
    for (const input of inputs) {
      const full = validateRules(input);
      const compact = compileRules(input, compileBoundedRegex);
      for (const kind of ['errors', 'warnings'] as const) {
        expect(compact[kind].map((i) => [i.path, i.code, i.severity])).toEqual(full[kind].map((i) => [i.path, i.code, i.severity]));
        for (const issue of compact[kind]) expect(issue.message).toBe(issue.code);
      }
    }
    expect(compileRules(inputs[1]).errors.map((e) => e.message)).toEqual(['unknown_signal', 'rule_skipped', 'unsafe_href', 'rule_skipped']);
  });
});

describe('compileRules without the regex matcher', () => {
  it('refuses each regex condition with regex_unavailable and keeps the other rules', () => {
    const input = {
      rules: [
        { id: 'r', when: { fact: 'page.path', regex: '^/a' }, show: help },
        { id: 'p', when: { page: '/a' }, show: help },
      ],
    };
    const result = compileRules(input);
    expect(result.rules?.rules.map((rule) => rule.id)).toEqual(['p']);
    expect(result.errors.map((e) => [e.path, e.message])).toContainEqual(['$.rules[0].when.regex', 'regex_unavailable']);
  });
});
