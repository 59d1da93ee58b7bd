// The script-tag entry. While the page loads it only defines one global `attune` (callable, for
// the pre-load snippet, and with methods). Once the page has settled (the first idle moment after
// `load`, or just after the visitor's first press) it reads the data-* attributes and starts the
// runtime; calls made until then, queued by the snippet or made on the global, wait (up to
// DEFERRED_LIMIT) and run in order, each promise settling with its call's result. Built as a minified IIFE.
import { createLogger } from '@attune/core';
import { METHODS, type Method, type Started } from './api';
import { createDeferredApi, DEFERRED_LIMIT } from './deferred-api';
import { whenSettled } from './settled';
import { startFromScript } from './script-runtime';

type Global = ((method: string, ...args: unknown[]) => unknown) & Record<string, unknown> & { q?: ArrayLike<unknown>[] };

const w = window as unknown as { attune?: Global };
const script = document.currentScript as HTMLScriptElement | null;
const queued = w.attune?.q ?? [];
const { warn } = createLogger();

if (!script?.dataset.rules) warn('no data-rules on the script tag; Attune is off');
else {
  const deferred = createDeferredApi<Started, Method>(METHODS, { limit: DEFERRED_LIMIT });
  const attune = ((method: string, ...args: unknown[]): unknown =>
    (METHODS as readonly string[]).includes(method)
      ? (attune[method] as (...a: unknown[]) => unknown)(...args)
      : warn(`attune('${method}') is not a method`)) as Global;
  Object.assign(attune, deferred.api);
  attune.ready = new Promise((resolve) =>
    whenSettled(window, () => {
      let started: Started | null = null;
      try {
        // The runtime gives the global its `$help`.
        started = startFromScript(script, attune, warn);
      } catch (error) {
        warn('failed to start; the page is unaffected', error);
      }
      deferred.start(started);
      resolve(started?.ready);
    }),
  );
  w.attune = attune;
  try {
    for (const args of queued) attune(...(Array.from(args) as [string, ...unknown[]]));
  } catch {
    // A queue the page filled by hand with something other than argument lists: nothing to replay.
  }
}
