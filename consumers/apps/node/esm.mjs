// A plain Node ES module: every package imports, and the collector and the rules validator run.
import assert from 'node:assert/strict';
import { createAttune } from 'attune';
import { parseRules } from '@attune/rules';
import { startCollector, createMemoryStore } from '@attune/collector';
import * as core from '@attune/core';
import * as react from '@attune/react';
import * as vue from '@attune/vue';
import * as widget from '@attune/widget';
import { readFileSync } from 'node:fs';

assert.equal(typeof createAttune, 'function');
assert.equal(typeof createAttune({ rules: '/r.json' }).flush, 'function', 'inert instance without window');
assert.equal(typeof core.createLogger, 'function');
assert.equal(typeof react.AttuneProvider, 'function');
assert.equal(typeof vue.createAttunePlugin, 'function');
assert.equal(typeof widget, 'object');
const result = parseRules(readFileSync(new URL('./attune-rules.json', import.meta.url), 'utf8'));
assert.equal(result.ok, true, JSON.stringify(result.errors));
const collector = await startCollector({ port: 0, store: createMemoryStore(), report: true });
const stats = await fetch(`${collector.url}/stats`);
assert.equal(stats.status, 200);
await collector.close();
console.log('esm ok');
