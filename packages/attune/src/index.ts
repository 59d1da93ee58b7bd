import { atom } from 'nanostores';
import { createRuntime, METHODS, type Attune, type AttuneConfig, type RuntimeDeps } from './runtime';

/**
 * Creates Attune for an app installed from npm. The rules engine and the widget
 * are imported lazily, so bundlers split them into chunks fetched only when
 * there is evidence of struggle and only when help is shown. Safe to call during SSR: without `window`
 * it returns an inert instance.
 *
 * @example
 * import { createAttune } from 'attune';
 * const attune = createAttune({ rules: '/attune-rules.json', endpoint: '/collect' });
 * attune.setConsent({ measurement: true, help: true });
 */
export const createAttune = (config: AttuneConfig, deps: Partial<RuntimeDeps> = {}): Attune => {
  if (typeof window === 'undefined' && !deps.win) {
    // Server-side rendering: an instance whose methods do nothing.
    const inert = { ready: Promise.resolve(), $help: atom(null) } as unknown as Attune;
    for (const method of METHODS) inert[method] = (async () => {}) as never;
    return inert;
  }
  return createRuntime(config, { loadWidget: () => import('@attune/widget'), loadEngine: () => import('./engine'), loadSender: () => import('./sender'), loadForms: () => import('./forms'), loadVitals: () => import('./vitals'), ...deps });
};

export type { Attune, AttuneConfig, RuntimeDeps, ActiveHelp } from './runtime';
export type { Engine, EngineModule, EngineHost } from './engine';
export type { HandoffRecord } from './handoff';
export type { ConsentMode } from './consent-adapters';
export type { Decision, RulesFile, Purpose } from '@attune/rules';
export type { DismissKind, EngageAction } from '@attune/widget';
