// The npm facade: the instance `createAttune` returns at once, whose runtime starts once the page has settled.
import { atom } from 'nanostores';
import { createLogger } from '@attune/core';
import { METHODS, type Method, type ActiveHelp, type Attune, type AttuneConfig, type RuntimeDeps, type Started } from './api';
import { createDeferredApi, DEFERRED_LIMIT } from './deferred-api';
import { whenSettled } from './settled';
import { startRuntime } from './start';

/**
 * Creates Attune: detectors → recent signals → rules engine → widget, with every outcome sent
 * through the consent-gated pipe. Nothing of it runs while the page loads: it starts at the first
 * idle moment after `load` (or just after the visitor's first press or key, if that comes
 * sooner), and calls made before the runtime has started wait (up to `DEFERRED_LIMIT`) and run in
 * order, each promise settling with its call's result. A `destroy()` before then means it never
 * starts; if it cannot start, the waiting calls settle with nothing and Attune stays off. Browser
 * only: `createAttune` returns an inert instance where there is no `window` (SSR).
 */
export const createRuntime = (config: AttuneConfig, deps: RuntimeDeps): Attune => {
  const win = deps.win ?? window;
  const log = createLogger(!!config.debug);
  const $help = atom<ActiveHelp | null>(null);
  const deferred = createDeferredApi<Started, Method>(METHODS, { limit: DEFERRED_LIMIT });
  const api = Object.assign(deferred.api, { $help, ready: Promise.resolve() }) as Attune;
  let started: Started | null = null;
  let off = false;
  const destroy = api.destroy;
  api.destroy = () => (started ? destroy() : void (off = true));
  api.ready = new Promise((resolve) =>
    whenSettled(win, () => {
      try {
        if (!off) started = startRuntime(config, deps, win, log, $help);
      } catch (error) {
        log.warn('could not start; the page is unaffected', error);
      }
      deferred.start(started);
      resolve(started?.ready);
    }),
  );
  return api;
};
