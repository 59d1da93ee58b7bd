// The engine chunk (attune-engine.js), fetched by attune.js on the first signal of struggle (or at
// idle when a rule can fire without one), so calm pages never pay for it. It decides
// (engine/create-engine.ts), remembers (engine/ledger.ts) and presents (engine/present-help.ts).
import { outlineTarget } from '@attune/core';
import { createEngine } from '../engine/create-engine';

export { createEngine, outlineTarget };
