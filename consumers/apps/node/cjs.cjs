// A CommonJS script: require() of Attune's ES modules works on Node >= 20.19 (the packages' engines).
const assert = require('node:assert/strict');
const { readFileSync } = require('node:fs');
const { createAttune } = require('attune');
const { parseRules } = require('@attune/rules');
const { startCollector, createMemoryStore } = require('@attune/collector');

assert.equal(typeof createAttune, 'function');
assert.equal(typeof createAttune({ rules: '/r.json' }).flush, 'function', 'inert instance without window');
assert.equal(parseRules(readFileSync(`${__dirname}/attune-rules.json`, 'utf8')).ok, true);
startCollector({ port: 0, store: createMemoryStore(), report: true }).then(async (collector) => {
  assert.equal((await fetch(`${collector.url}/stats`)).status, 200);
  await collector.close();
  console.log('cjs ok');
});
