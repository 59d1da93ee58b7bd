import { createRuntime, type Attune, type AttuneConfig, type RuntimeDeps } from './runtime';

/**
 * Creates Attune for an app installed from npm. The widget is imported lazily
 * (`import('@attune/widget')`), so bundlers split it into its own chunk that is
 * fetched only when help is shown. Safe to call during SSR: without `window`
 * it returns an inert instance.
 *
 * @example
 * import { createAttune } from 'attune';
 * const attune = createAttune({ rules: '/attune-rules.json', endpoint: '/collect' });
 * attune.setConsent({ measurement: true, help: true });
 */
export const createAttune = (config: AttuneConfig, deps: Partial<RuntimeDeps> = {}): Attune =>
  createRuntime(config, { loadWidget: () => import('@attune/widget'), ...deps });

export type { Attune, AttuneConfig, RuntimeDeps, ActiveHelp } from './runtime';
export type { Decision, RulesFile, Purpose } from '@attune/rules';
export type { DismissKind, EngageAction } from '@attune/widget';
