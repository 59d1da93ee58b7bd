import { describe, expect, it } from 'vitest';
import { validateRules } from './validate-rules';

const help = { type: 'help', title: 'Need a hand?', body: 'Here is how plans differ.' };
const rule = (over: Record<string, unknown> = {}) => ({
  id: 'pricing-help',
  when: { signal: 'rage_click', target: 'pricing*', atLeast: 1, within: '60s' },
  show: help,
  ...over,
});
const file = (rules: unknown[], over: Record<string, unknown> = {}) => ({
  $schema: 'https://attune.dev/rules.schema.json',
  version: 1,
  rules,
  ...over,
});
const paths = (input: unknown) => validateRules(input).errors.map((e) => e.path);

describe('validateRules: structure', () => {
  it('accepts the e2e rules file and keeps its rule', () => {
    const result = validateRules(
      file([{ ...rule(), because: 'You seem stuck on pricing.', show: { ...help, links: [{ label: 'FAQ', href: '/faq' }] } }]),
    );
    expect(result.ok).toBe(true);
    expect(result.errors).toEqual([]);
    expect(result.rules?.enabled).toBe(true);
    expect(result.rules?.rules[0]).toMatchObject({
      id: 'pricing-help',
      because: 'You seem stuck on pricing.',
      show: { links: [{ label: 'FAQ', href: '/faq' }] },
    });
  });

  it('fails structurally when the input is not an object or has no rules list', () => {
    for (const input of [null, 42, 'rules', [], { rules: {} }, {}]) {
      const result = validateRules(input);
      expect(result.ok).toBe(false);
      expect(result.rules).toBeNull();
      expect(result.errors.length).toBeGreaterThan(0);
    }
    expect(paths({})).toEqual(['$.rules']);
  });

  it('suggests `rules` for a misspelled top-level key', () => {
    const result = validateRules({ rulez: [] });
    expect(result.errors[0]).toMatchObject({ path: '$.rulez' });
    expect(result.errors[0]?.message).toContain('Did you mean `rules`?');
  });

  it('fails structurally for a bad kill switch, version or defaults', () => {
    expect(validateRules(file([], { enabled: 'no' })).rules).toBeNull();
    expect(validateRules(file([], { version: 2 })).rules).toBeNull();
    expect(validateRules(file([], { defaults: { minGap: 'soon' } })).errors[0]?.path).toBe('$.defaults.minGap');
    expect(validateRules(file([], { defaults: { minGap: 'soon' } })).rules).toBeNull();
  });

  it('reads the kill switch', () => {
    expect(validateRules(file([rule()], { enabled: false })).rules?.enabled).toBe(false);
  });

  it('refuses __proto__, constructor and prototype keys anywhere', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const input = JSON.parse(`{"rules":[{"id":"a","when":{"page":"/x","${key}":{}},"show":${JSON.stringify(help)}}]}`);
      const result = validateRules(input);
      expect(result.rules).toBeNull();
      expect(result.errors[0]?.path).toBe(`$.rules[0].when.${key}`);
    }
  });

  it('refuses a rule nested deeper than 32 levels alone, naming where; the other rules keep working', () => {
    let when: unknown = { page: '/x' };
    for (let i = 0; i < 40; i++) when = { not: when };
    const result = validateRules(file([rule({ id: 'deep', when }), rule({ id: 'fine' })]));
    expect(result.ok).toBe(true);
    expect(result.rules?.rules.map((r) => r.id)).toEqual(['fine']);
    expect(result.errors[0]?.message).toContain('deeper than 32');
    expect(result.errors[0]?.path).toMatch(/^\$\.rules\[0\]\.when(\.not)+$/);
    expect(result.errors[1]).toMatchObject({ path: '$.rules[0]', code: 'rule_skipped' });
  });

  it('refuses the whole file when nesting deeper than 32 levels is outside the rules', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 40; i++) deep = [deep];
    const result = validateRules({ ...file([rule({})]), defaults: { quietPages: deep } });
    expect(result.rules).toBeNull();
    expect(result.errors[0]?.message).toContain('deeper than 32');
  });

  it('never throws on hostile objects such as throwing getters and proxies', () => {
    const getter = {
      get rules(): unknown {
        throw new Error('boom');
      },
    };
    const proxy = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('boom');
        },
      },
    );
    expect(validateRules(getter)).toMatchObject({ ok: false, rules: null });
    expect(validateRules(proxy)).toMatchObject({ ok: false, rules: null });
  });
});

describe('validateRules: rules', () => {
  it('names the JSON path of an unknown signal and suggests the closest name', () => {
    const result = validateRules(file([rule({ when: { all: [{ signal: 'rage_clik' }] } })]));
    expect(result.errors[0]).toMatchObject({ path: '$.rules[0].when.all[0].signal', severity: 'error' });
    expect(result.errors[0]?.message).toBe('unknown signal `rage_clik`. Did you mean `rage_click`?');
  });

  it('skips a failing rule with an error naming its id and keeps the valid ones', () => {
    const result = validateRules(file([rule({ id: 'good' }), rule({ id: 'bad', when: { signal: 'nope' } }), rule({ id: 'also-good' })]));
    expect(result.ok).toBe(true);
    expect(result.rules?.rules.map((r) => r.id)).toEqual(['good', 'also-good']);
    expect(result.errors.map((e) => e.path)).toEqual(['$.rules[1].when.signal', '$.rules[1]']);
    expect(result.errors[1]?.message).toBe('rule `bad` was skipped: 1 error.');
  });

  it('refuses duplicate ids, keeping the first', () => {
    const result = validateRules(file([rule({ priority: 1 }), rule()]));
    expect(result.rules?.rules).toHaveLength(1);
    expect(result.rules?.rules[0]?.priority).toBe(1);
    expect(result.errors[0]).toMatchObject({ path: '$.rules[1].id' });
    expect(result.errors[0]?.message).toContain('duplicate id');
  });

  it('refuses unsafe link schemes and accepts safe ones', () => {
    const links = (href: string) => rule({ show: { ...help, links: [{ label: 'More', href }] } });
    expect(paths(file([links('javascript:alert(1)')]))).toContain('$.rules[0].show.links[0].href');
    expect(paths(file([links('data:text/html,x')]))).toContain('$.rules[0].show.links[0].href');
    for (const ok of ['https://x.example', 'http://x.example', 'mailto:a@b.c', 'tel:+1555', '/faq']) {
      expect(validateRules(file([links(ok)])).errors).toEqual([]);
    }
  });

  it('reports impossible windows and bad counts', () => {
    expect(paths(file([rule({ when: { signal: 'rage_click', within: '0s' } })]))[0]).toBe('$.rules[0].when.within');
    expect(paths(file([rule({ when: { signal: 'rage_click', within: '90d' } })]))[0]).toBe('$.rules[0].when.within');
    expect(paths(file([rule({ when: { signal: 'rage_click', within: 'soon' } })]))[0]).toBe('$.rules[0].when.within');
    expect(paths(file([rule({ when: { signal: 'rage_click', atLeast: 0 } })]))[0]).toBe('$.rules[0].when.atLeast');
  });

  it('validates views conditions with clear messages: a path glob, a count a device can reach, a possible window', () => {
    const errors = (when: unknown) => validateRules(file([rule({ when })])).errors.map((e) => [e.path, e.message]);
    expect(errors({ views: '/pricing*', atLeast: 2, within: '30m' })).toEqual([]);
    expect(errors({ views: 'pricing*' })[0]).toEqual([
      '$.rules[0].when.views',
      '`views` is matched against the path, which starts with `/`; did you mean `/pricing*`?',
    ]);
    expect(errors({ views: '' })[0]).toEqual([
      '$.rules[0].when.views',
      '`views` must be a path glob such as `/pricing*`: the pages whose views are counted.',
    ]);
    // A device remembers at most 50 page views, so a higher count could never pass.
    expect(errors({ views: '/pricing*', atLeast: 51 })[0]).toEqual([
      '$.rules[0].when.atLeast',
      '`atLeast` must be a whole number from 1 to 50.',
    ]);
    expect(errors({ views: '/pricing*', atLeast: 1.5 })[0]).toEqual([
      '$.rules[0].when.atLeast',
      '`atLeast` must be a whole number from 1 to 50.',
    ]);
    expect(errors({ views: '/pricing*', within: '31d' })[0]).toEqual([
      '$.rules[0].when.within',
      'impossible `within` of 31d: use from 1s to 30d.',
    ]);
    expect(errors({ views: '/pricing*', within: '0s' })[0]?.[0]).toBe('$.rules[0].when.within');
    expect(errors({ all: [{ views: '/pricing*', target: 'plans', atleast: 2 }] }).slice(0, 2)).toEqual([
      ['$.rules[0].when.all[0].target', 'unknown field `target` in a views condition.'],
      ['$.rules[0].when.all[0].atleast', 'unknown field `atleast` in a views condition. Did you mean `atLeast`?'],
    ]);
  });

  it('suggests `views` for a misspelled condition kind', () => {
    const [error] = validateRules(file([rule({ when: { view: '/pricing*', atLeast: 2 } })])).errors;
    expect(error?.path).toBe('$.rules[0].when');
    expect(error?.message).toContain('Did you mean `views`?');
  });

  it('reports every error in a rule, not only the first', () => {
    const result = validateRules(
      file([{ id: 'x', when: { any: [{ signal: 'nope' }, { page: 'pricing' }] }, show: { type: 'help', title: '', body: 3 } }]),
    );
    expect(result.errors.map((e) => e.path)).toEqual([
      '$.rules[0].when.any[0].signal',
      '$.rules[0].when.any[1].page',
      '$.rules[0].show.title',
      '$.rules[0].show.body',
      '$.rules[0]',
    ]);
  });

  it('reports unknown fields with a suggestion', () => {
    const result = validateRules(file([rule({ wehn: {} })]));
    expect(result.errors[0]).toMatchObject({ path: '$.rules[0].wehn' });
    expect(result.errors[0]?.message).toContain('Did you mean `when`?');
  });

  it('refuses a rule without a way out and an ask without a field', () => {
    expect(paths(file([rule({ show: { ...help, dismissible: false } })]))[0]).toBe('$.rules[0].show.dismissible');
    const ask = validateRules(file([rule({ show: { type: 'ask', question: 'What brings you here?' } })]));
    expect(ask.errors[0]).toMatchObject({ path: '$.rules[0].show.field' });
    expect(ask.errors[0]?.message).toContain('an `ask` needs a `field`');
  });

  it('orders compiled rules by priority, file order among equals, and remembers source positions', () => {
    const result = validateRules(
      file([rule({ id: 'a' }), rule({ id: 'b', priority: 5 }), rule({ id: 'c' }), rule({ id: 'd', priority: 5 })]),
    );
    expect(result.rules?.rules.map((r) => r.id)).toEqual(['b', 'd', 'a', 'c']);
    expect(result.rules?.sourceIndex).toEqual([1, 3, 0, 2]);
  });

  it('gives each rule a revision that changes when its content changes', () => {
    const a = validateRules(file([rule()])).rules?.rules[0]?.revision;
    const b = validateRules(file([rule({ show: { ...help, body: 'Changed.' } })])).rules?.rules[0]?.revision;
    expect(a).toMatch(/^[0-9a-z]+$/);
    expect(a).toBe(validateRules(file([rule()])).rules?.rules[0]?.revision);
    expect(b).not.toBe(a);
  });

  it('drops $comment fields and copies nothing unknown into compiled rules', () => {
    const result = validateRules(file([{ ...rule(), $comment: 'note', when: { $comment: 'x', page: '/p' } }]));
    expect(result.errors).toEqual([]);
    expect(result.rules?.rules[0]?.when).toEqual({ page: '/p' });
    expect(result.rules?.rules[0]).not.toHaveProperty('$comment');
  });
});

describe('validateRules: warnings', () => {
  it('warns when quietPages drops a built-in quiet page', () => {
    const result = validateRules(file([rule()], { defaults: { quietPages: ['/admin*', '*/checkout*'] } }));
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => [w.path, w.message.split(':')[0]])).toEqual([
      ['$.defaults.quietPages', '`/payment` is no longer quiet'],
      ['$.defaults.quietPages', '`/login` is no longer quiet'],
    ]);
  });

  it('warns that a cap of 0 means never shown', () => {
    const result = validateRules(file([rule({ caps: { perDay: 0 } })]));
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      {
        path: '$.rules[0].caps.perDay',
        message: 'a cap of 0 means never shown; use `"status": "off"` to turn a rule off.',
        severity: 'warning',
        code: 'cap_zero',
      },
    ]);
  });
});

describe('validateRules: facts and operators', () => {
  it('suggests the operator for a misspelled one', () => {
    const result = validateRules(file([rule({ when: { fact: 'visitor.visits', gtee: 3 } })]));
    expect(result.errors.map((e) => [e.path, e.code])).toEqual([
      ['$.rules[0].when.gtee', 'unknown_field'],
      ['$.rules[0].when', 'operator_missing'],
      ['$.rules[0]', 'rule_skipped'],
    ]);
    expect(result.errors[0]?.message).toContain('Did you mean `gte`?');
  });

  it('compiles regex conditions once, at load', () => {
    const result = validateRules(file([rule({ when: { fact: 'page.path', regex: '^/blog/[a-z-]+$' } })]));
    const regex = result.rules?.regexes?.get('^/blog/[a-z-]+$');
    expect(regex?.test('/blog/linear-time')).toBe(true);
    expect(regex?.test('/blog/Linear')).toBe(false);
  });

  it('accepts durations for dwell and idle and refuses them elsewhere', () => {
    expect(validateRules(file([rule({ when: { fact: 'dwell', between: ['10s', '2m'] } })])).errors).toEqual([]);
    expect(validateRules(file([rule({ when: { fact: 'visitor.visits', gt: '10s' } })])).errors[0]?.code).toBe('fact_wants_number');
  });
});

describe('validateRules: intent describe texts', () => {
  const intentFile = (intent: Record<string, unknown>) =>
    file([rule({ when: { intent: 'comparing' } })], { intents: { comparing: { when: { page: '/pricing*' }, ...intent } } });

  it('keeps a describe text and its locale variants for the explanation', () => {
    const result = validateRules(
      intentFile({ describe: 'You compared our plans.', locales: { de: { describe: 'Sie haben unsere Tarife verglichen.' } } }),
    );
    expect(result.errors).toEqual([]);
    expect(result.rules?.intentTexts).toEqual({
      comparing: { describe: 'You compared our plans.', locales: { de: { describe: 'Sie haben unsere Tarife verglichen.' } } },
    });
  });

  it('refuses a describe that is not text, empty or too long, a bad locale tag and unknown variant keys, naming each path', () => {
    expect(paths(intentFile({ describe: 42 }))).toEqual(['$.intents.comparing.describe', '$.rules[0].when.intent', '$.rules[0]']);
    expect(paths(intentFile({ describe: '  ' }))[0]).toBe('$.intents.comparing.describe');
    expect(paths(intentFile({ describe: 'x'.repeat(201) }))[0]).toBe('$.intents.comparing.describe');
    expect(paths(intentFile({ describe: 'Ok.', locales: { 'not a tag': { describe: 'x' } } }))[0]).toBe(
      '$.intents.comparing.locales["not a tag"]',
    );
    expect(paths(intentFile({ describe: 'Ok.', locales: { de: { because: 'x' } } }))[0]).toBe('$.intents.comparing.locales.de.because');
    expect(paths(intentFile({ describe: 'Ok.', locales: 'de' }))[0]).toBe('$.intents.comparing.locales');
    expect(paths(intentFile({ describ: 'Ok.' }))[0]).toBe('$.intents.comparing.describ');
  });
});
