import { atom } from 'nanostores';
import { METHODS, type Method, type Attune, type AttuneConfig, type RuntimeDeps } from './api';
import { createDeferredApi } from './deferred-api';
import { createRuntime } from './runtime';

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
    // Server-side rendering: an instance that never starts, whose calls settle with nothing.
    const inert = createDeferredApi<Attune, Method>(METHODS, { limit: 0 });
    inert.start(null);
    return Object.assign(inert.api, { ready: Promise.resolve(), $help: atom(null) });
  }
  return createRuntime(config, {
    loadWidget: () => import('@attune/widget'),
    loadEngine: () => import('./chunks/engine'),
    loadSender: () => import('./chunks/send'),
    loadForms: () => import('./chunks/forms'),
    loadVitals: () => import('./chunks/vitals'),
    loadHandoff: () => import('./chunks/handoff'),
    ...deps,
  });
};

export { createDeferredApi, DEFERRED_LIMIT } from './deferred-api';
export { METHODS } from './api';
export type { DeferredApi } from './deferred-api';
export type { Attune, AttuneConfig, RuntimeDeps, ActiveHelp, Engine, EngineModule, EngineHost, Method, Started } from './api';
export type { HandoffRecord } from './handoff';
export type { ConsentMode } from './chunks/consent';
export type { Decision, RulesFile, Purpose } from '@attune/rules';
export type { DismissKind, EngageAction } from '@attune/widget';
