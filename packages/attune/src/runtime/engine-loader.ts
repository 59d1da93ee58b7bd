import type { Logger } from '@attune/core';
import type { Engine, EngineHost, EngineModule } from '../api';
import type { RulesSource } from '../rules-source';

/** The rules engine chunk, fetched once on first need. */
export interface EngineLoader {
  /** The engine over the rules, loading it the first time; `null` before the rules arrive or when it cannot load. */
  _get(): Promise<Engine | null>;
  /** The engine once loaded (route changes, `forget()` and `destroy()` only reach a loaded one). */
  _loaded: Engine | null;
  /** The rules, once fetched. */
  _rules: RulesSource | null;
}

/** Creates the loader; a failure to load leaves Attune inert, never the page. */
export const createEngineLoader = (load: () => Promise<EngineModule>, host: EngineHost, log: Logger): EngineLoader => {
  let engine: Promise<Engine | null> | null = null;
  const loader: EngineLoader = {
    _loaded: null,
    _rules: null,
    _get() {
      const rules = loader._rules;
      if (!rules) return Promise.resolve(null);
      return (engine ??= load()
        .then((m) => m.createEngine(rules.source, rules.where, host))
        .then((ready) => (loader._loaded = ready))
        .catch((error: unknown) => {
          log.warn('could not load the rules engine', error);
          return null;
        }));
    },
  };
  return loader;
};
