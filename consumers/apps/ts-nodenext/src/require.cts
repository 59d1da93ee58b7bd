// CommonJS under nodenext: TypeScript 5.8+ types require() of the ES-module packages.
import attune = require('attune');
import rules = require('@attune/rules');

export const created: ReturnType<typeof attune.createAttune> = attune.createAttune({ rules: '/r.json' });
export const ok: boolean = rules.parseRules('{}').ok;
