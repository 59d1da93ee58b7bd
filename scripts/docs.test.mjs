// Keeps docs/rules.md, docs/events.md and docs/privacy.md true to the code they describe.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate, explain, lintRules, validateRules, SIGNAL_TYPES, PURPOSES } from '../packages/rules/src/index.ts';
import { COMMON_FIELDS, EVENT_FIELDS } from '../packages/core/src/pipe/wire.ts';
import { createBatchValidator } from '../packages/collector/src/validate-batch.ts';
import { loadWireSchema } from '../packages/collector/src/load-wire-schema.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (path) => readFileSync(join(root, path), 'utf8');

/** The text under a heading, up to the next heading of the same or a higher level. */
const section = (md, heading) => {
  const lines = md.split('\n');
  const start = lines.findIndex((line) => line.trim() === heading);
  if (start < 0) throw new Error(`no heading "${heading}"`);
  const level = heading.match(/^#+/)[0].length;
  const end = lines.findIndex((line, i) => i > start && /^#+ /.test(line) && line.match(/^#+/)[0].length <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
};

/** Rows of the first Markdown table in `text`, as arrays of cell strings, without header and separator. */
const tableRows = (text) => {
  const lines = text.split('\n');
  const first = lines.findIndex((line) => line.trim().startsWith('|'));
  if (first < 0) throw new Error('no table');
  const rows = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.trim().startsWith('|')) break;
    rows.push(
      line
        .trim()
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim()),
    );
  }
  return rows;
};

/** Every `code` span in a cell. */
const codes = (cell) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

const sorted = (list) => [...list].sort();

/** The SDK's source files (tests excluded) under the given folders, relative to the repository. */
const sdkSources = (dirs) =>
  dirs.flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true })
      .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
      .map((file) => join(dir, file)),
  );
const EVENT_TYPES = Object.keys(EVENT_FIELDS);

describe('docs/rules.md', () => {
  const md = read('docs/rules.md');
  const blocks = [...md.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => ({ text: m[1], at: m.index }));
  const recipes = [...md.matchAll(/^## (\d+)\. (.+)$/gm)].map((m) => ({ number: Number(m[1]), title: m[2], heading: m[0] }));
  const headingOf = (at) => {
    const before = md.slice(0, at).match(/^## .+$/gm);
    return before ? before[before.length - 1] : '(top)';
  };

  it('has at least ten numbered recipes, each with exactly one complete rules file', () => {
    expect(recipes.length).toBeGreaterThanOrEqual(10);
    expect(recipes.map((r) => r.number)).toEqual(recipes.map((_, i) => i + 1));
    for (const recipe of recipes) {
      const json = section(md, recipe.heading).match(/```json\n/g) ?? [];
      expect(json, recipe.heading).toHaveLength(1);
    }
  });

  it('covers every recipe issue 7 asks for', () => {
    const titles = recipes.map((r) => r.title.toLowerCase());
    for (const wanted of [
      'pricing hesitation',
      'form-error help next to the failing field',
      'abandoned lead form rescue',
      'progressive profiling by intent',
      'a human after repeated errors',
      'shadow-mode rollout',
      'holdout measurement',
      'quiet pages where help never shows',
      'a locale variant',
      'a weekly fatigue cap',
    ]) {
      expect(titles, wanted).toContain(wanted);
    }
  });

  it.each(blocks.map((block, i) => [i + 1, headingOf(block.at), block.text]))(
    'json block %i (under "%s") is a valid rules file: ok, zero errors, no rule skipped',
    (_, __, text) => {
      const file = JSON.parse(text);
      const result = validateRules(file);
      expect(result.errors).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.rules?.rules).toHaveLength(file.rules.length);
    },
  );

  it('every rules file on the page passes the content linter (attune lint) with no findings', () => {
    for (const block of blocks) {
      const { rules } = validateRules(JSON.parse(block.text));
      expect(lintRules(rules, { strict: true }), headingOf(block.at)).toEqual([]);
    }
  });

  it('"Why am I seeing this?": the stage-and-device recipe reads as the page says, from the device and the referrer only', () => {
    const text = section(md, '## Why am I seeing this?');
    const recipe = text.slice(text.indexOf('**Recipe.**'));
    const quoted = /the visitor reads "([^"]+)"/.exec(recipe.replace(/\s+/g, ' '))[1];
    const { rules } = validateRules(JSON.parse(/```json\n([\s\S]*?)\n```/.exec(recipe)[1]));
    const facts = {
      page: { path: '/docs', referrer: 'search' },
      signals: [],
      visitor: { returning: false, visits: 1, firstSeen: 0 },
      stage: 'trial',
      device: 'mobile',
    };
    const { decision } = evaluate(rules, facts, { shown: [], dismissed: [] }, 1_000);
    expect(explain(decision)).toBe(quoted);
  });
});

describe('docs/privacy.md', () => {
  const md = read('docs/privacy.md');
  const perType = tableRows(section(md, '## What is sent, per event type'));
  const byType = new Map(perType.map((row) => [codes(row[0])[0], row]));

  it('lists every event type exactly once, with the purpose the wire format sends it for', () => {
    expect(sorted(perType.map((row) => codes(row[0])[0]))).toEqual(sorted(EVENT_TYPES));
    for (const type of EVENT_TYPES) expect(byType.get(type)[1], type).toBe(EVENT_FIELDS[type].purpose);
  });

  it('lists exactly the fields EVENT_FIELDS allows for each event type', () => {
    for (const type of EVENT_TYPES) {
      expect(sorted(codes(byType.get(type)[2])), type).toEqual(sorted(EVENT_FIELDS[type].fields));
    }
  });

  it('lists exactly COMMON_FIELDS as the fields every event has', () => {
    const rows = tableRows(section(md, '### Common fields'));
    expect(sorted(rows.map((row) => codes(row[0])[0]))).toEqual(sorted(COMMON_FIELDS));
  });

  it('puts each event type under its own purpose in the purposes table', () => {
    const rows = tableRows(section(md, '## Purposes'));
    expect(sorted(rows.map((row) => codes(row[0])[0]))).toEqual(['help', 'measurement', 'profiling']);
    for (const row of rows) {
      const purpose = codes(row[0])[0];
      const expected = EVENT_TYPES.filter((type) => EVENT_FIELDS[type].purpose === purpose);
      expect(sorted(codes(row[2])), purpose).toEqual(sorted(expected));
    }
  });

  it('names every IndexedDB database, store and key the SDK writes, and nothing it does not', () => {
    const rows = tableRows(section(md, '## On the device')).filter((row) => !row[0].includes('sessionStorage'));
    const code = sdkSources(['packages/core/src', 'packages/attune/src']).map(read).join('\n');
    const databases = [...code.matchAll(/(?:openIdbOrMemory|createStore)\('([\w-]+)', '([\w-]+)'/g)].map((m) => `${m[1]} ${m[2]}`);
    const keys = [
      ...[...code.matchAll(/const [A-Z_]+_KEY = '([\w-]+)'/g)].map((m) => m[1]),
      ...[...code.matchAll(/options\.key \?\? '([\w-]+)'/g)].map((m) => m[1]),
    ];
    expect(databases.length, 'IndexedDB databases found in the source').toBeGreaterThanOrEqual(2);
    expect(keys.length, 'storage keys found in the source').toBeGreaterThanOrEqual(3);
    expect(sorted(new Set(rows.map((row) => codes(row[0]).join(' '))))).toEqual(sorted(new Set(databases)));
    const documentedKeys = rows.map((row) => codes(row[1])[0]).filter(Boolean);
    expect(sorted(documentedKeys)).toEqual(sorted(keys));
  });

  it('says no cookies or localStorage, names its one sessionStorage use, and the SDK source matches', () => {
    expect(md).toContain('It uses no cookies\nand no `localStorage`.');
    const sessionKey = /const KEY = '([\w:-]+)'/.exec(read('packages/core/src/signals/back-forth.ts'))?.[1];
    expect(md).toContain(`| \`sessionStorage\` (the tab) | \`${sessionKey}\` |`);
    const sources = sdkSources(['packages/core/src', 'packages/attune/src', 'packages/widget/src']);
    expect(sources.length).toBeGreaterThan(10);
    for (const file of sources) {
      // Comments may explain why a storage is not used; only code counts.
      const code = read(file)
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
      expect(code, file).not.toMatch(/\b(localStorage|document\.cookie)\b/);
      // sessionStorage only in the runtime's consent-gated session store for back_forth.
      if (!file.endsWith('packages/attune/src/runtime/local-records.ts')) expect(code, file).not.toMatch(/\bsessionStorage\b/);
    }
  });

  it('lists per consent state what runs, what is stored and what is sent, as the code gates them', () => {
    const rows = tableRows(section(md, '## What runs in each consent state'));
    const row = (state) => rows.find((r) => r[0].startsWith(state)) ?? [];
    const sdk = sdkSources(['packages/core/src', 'packages/attune/src']).map(read).join('\n');
    const keys = new Set([
      ...[...sdk.matchAll(/const [A-Z_]+_KEY = '([\w-]+)'/g)].map((m) => m[1]),
      ...[...sdk.matchAll(/options\.key \?\? '([\w-]+)'/g)].map((m) => m[1]),
      /const KEY = '([\w:-]+)'/.exec(read('packages/core/src/signals/back-forth.ts'))[1],
    ]);
    for (const r of rows) {
      // Every record named is one the code keeps, and the visitor's own choices are kept in every state.
      for (const key of codes(r[2])) expect(keys, `${r[0]}: ${key}`).toContain(key);
      expect(codes(r[2]), r[0]).toContain('consent');
    }
    // Each purpose, once granted, sends exactly the event types the wire format gives it.
    for (const purpose of ['measurement', 'help', 'profiling']) {
      const expected = EVENT_TYPES.filter((type) => EVENT_FIELDS[type].purpose === purpose);
      expect(sorted(codes(row(`\`${purpose}\` granted`)[3] ?? '')), purpose).toEqual(sorted(expected));
    }
    for (const state of ['strict mode', 'default mode', 'every purpose denied']) expect(row(state)[3], state).toBe('nothing');
    // The gates the table describes are in the code: strict mode waits for a grant, help and profiling wait for their purposes.
    const start = read('packages/attune/src/start.ts');
    expect(start).toMatch(
      /if \(config\.strictConsent\) \{[\s\S]*?includes\('granted'\)[\s\S]*?if \(destroyed\) return;\s*listeners = startPageListeners/,
    );
    const engine = read('packages/attune/src/engine/create-engine.ts');
    expect(engine).toMatch(/help === 'granted' \|\| \(help === 'pending' && host\.config\.helpAsService\)/);
    expect(engine).toMatch(/profiling\(\) \? ledger\.profile : \{\}/);
    expect(engine).toMatch(/evaluate\(profiling\(\) \? rules : unasked/);
  });

  it('states the retention periods the code uses', () => {
    const code = sdkSources(['packages/core/src', 'packages/attune/src'])
      .map((file) => `// file: ${file}\n${read(file)}`)
      .join('\n');
    const days = (file, pattern) => {
      const m =
        code
          .split('// file: ')
          .filter((chunk) => chunk.startsWith(file))
          .map((chunk) => chunk.match(pattern))
          .find(Boolean) ?? code.match(pattern);
      if (!m) throw new Error(`retention not found in the SDK source: ${pattern}`);
      return Number(m[1]);
    };
    const rows = tableRows(section(md, '## On the device'));
    const row = (key) => rows.find((r) => codes(r[1])[0] === key)?.[3] ?? '';
    const visitorDays = days('packages/core/src/context/visitor.ts', /retentionMs \?\? (\d+) \* 86_400_000/);
    const rotateDays = days('packages/core/src/context/visitor.ts', /rotateMs \?\? (\d+) \* 86_400_000/);
    const historyDays = days('packages/attune/src/', /RETENTION_MS = (\d+) \* 86_400_000/);
    const queueDays = days('packages/core/src/pipe/send.ts', /retentionMs \?\? (\d+) \* 86_400_000/);
    const consentDays = days('packages/attune/src/runtime/consent-memory.ts', /CONSENT_MS = (\d+) \* 86_400_000/);
    expect(row('consent')).toContain(`${consentDays} days from the last choice`);
    expect(md).toContain(`older than ${consentDays} days are ignored and deleted`);
    expect(row('visitor')).toContain(`replaced every ${rotateDays} days`);
    expect(row('visitor')).toContain(`deleted after ${visitorDays} days without a visit`);
    expect(row('history')).toContain(`older than ${historyDays} days`);
    const viewsDays = days('packages/attune/src/engine/ledger.ts', /VIEWS_RETENTION_MS = (\d+) \* 86_400_000/);
    const viewsMax = days('packages/attune/src/engine/ledger.ts', /VIEWS_MAX = (\d+)/);
    expect(row('views')).toContain(`older than ${viewsDays} days`);
    expect(row('views')).toContain(`the last ${viewsMax} are kept`);
    expect(rows.find((r) => r[1].includes('event ids'))?.[3]).toContain(`after ${queueDays} days`);
  });
});

describe('docs/events.md', () => {
  const md = read('docs/events.md');
  const schema = loadWireSchema();

  it('documents every event type with its purpose and exactly the fields and required flags of the wire schema', () => {
    const documented = [...md.matchAll(/^### `(\w+)`$/gm)].map((m) => m[1]);
    expect(sorted(documented)).toEqual(sorted(EVENT_TYPES));
    for (const type of EVENT_TYPES) {
      const text = section(md, `### \`${type}\``);
      expect(text, type).toContain(`Purpose \`${EVENT_FIELDS[type].purpose}\`.`);
      const definition = schema.definitions[`${type}Event`];
      const own = Object.keys(definition.properties).filter((field) => !COMMON_FIELDS.includes(field));
      const rows = tableRows(text);
      expect(sorted(rows.map((row) => codes(row[0])[0])), type).toEqual(sorted(own));
      expect(sorted(own), `${type}: schema and EVENT_FIELDS`).toEqual(sorted(EVENT_FIELDS[type].fields));
      for (const row of rows) {
        const field = codes(row[0])[0];
        expect(row[2], `${type}.${field} required`).toBe(definition.required.includes(field) ? 'yes' : 'no');
      }
    }
  });

  it('lists exactly COMMON_FIELDS as the common fields', () => {
    const rows = tableRows(section(md, '## Common fields'));
    expect(sorted(rows.map((row) => codes(row[0])[0]))).toEqual(sorted(COMMON_FIELDS));
  });

  it('shows an example batch that the reference collector accepts', () => {
    const blocks = [...md.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => JSON.parse(m[1]));
    expect(blocks).toHaveLength(1);
    const check = createBatchValidator(schema)(blocks[0]);
    expect(check).toMatchObject({ ok: true });
    expect(new Set(blocks[0].events.map((e) => e.type)).size).toBeGreaterThanOrEqual(4);
  });
});

describe('closed lists', () => {
  const enums = (schema) => {
    const out = {};
    const walk = (node, path) => {
      if (!node || typeof node !== 'object') return;
      if (Array.isArray(node.enum)) out[path] = node.enum;
      for (const [key, value] of Object.entries(node)) walk(value, `${path}/${key}`);
    };
    walk(schema, '');
    return out;
  };
  const rules = enums(JSON.parse(read('packages/rules/schema/rules.schema.json')));
  const events = enums(JSON.parse(read('packages/collector/schema/events.schema.json')));

  it('the JSON schemas list exactly the signal names, event types and purposes the code derives its types from', () => {
    expect(rules['/definitions/signalCondition/properties/signal']).toEqual([...SIGNAL_TYPES]);
    expect(sorted(events['/definitions/signalName'])).toEqual(sorted(SIGNAL_TYPES));
    expect(sorted(events['/definitions/event/properties/type'])).toEqual(sorted(EVENT_TYPES));
    expect(sorted(new Set(Object.values(EVENT_FIELDS).map((spec) => spec.purpose)))).toEqual(sorted(PURPOSES));
  });
});
