// Every package's types under nodenext resolution with skipLibCheck off: nothing may be `any`.
import { createAttune, type Attune, type AttuneConfig } from 'attune';
import 'attune/attune.js';
import { parseRules, type RulesFile, type ValidationResult } from '@attune/rules';
import { startCollector, createMemoryStore, type RunningCollector } from '@attune/collector';
import { createLogger, type Logger } from '@attune/core';
import { AttuneProvider } from '@attune/react';
import { createAttunePlugin } from '@attune/vue';
import type { DismissKind } from '@attune/widget';

const config: AttuneConfig = { rules: '/attune-rules.json', endpoint: '/collect' };
const attune: Attune = createAttune(config);
const viaGlobal: Promise<void> = globalThis.attune.flush();
const result: ValidationResult = parseRules('{"version":1,"rules":[]}');
const file: RulesFile = { version: 1, rules: [] };
const running: Promise<RunningCollector> = startCollector({ port: 0, store: createMemoryStore() });
const log: Logger = createLogger();
const kind: DismissKind = 'dismiss';
// @ts-expect-error: a typo in a config key is a type error (the types are not `any`)
createAttune({ rulez: '/attune-rules.json' });
export { attune, viaGlobal, result, file, running, log, kind, AttuneProvider, createAttunePlugin };
