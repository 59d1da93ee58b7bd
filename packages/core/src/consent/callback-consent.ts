import { PURPOSES, type ConsentChoice } from '@attune/rules';
import type { ConsentGate } from '../pipe/consent';
import { createLogger, guard, type Logger } from '../safe';

/** A consent choice as a site's own consent tool reports it (the one type, from @attune/rules). */
export type { ConsentChoice };

/** Generic callback adapter options. */
export interface CallbackConsentOptions {
  /**
   * Registers Attune's listener with the site's consent tool. The tool calls
   * `update` with the visitor's current choice now (if it has one) and after
   * every change. May return an unsubscribe function.
   */
  subscribe(update: (choice: ConsentChoice) => void): (() => void) | void;
  log?: Logger;
}

/**
 * Connects any consent tool that can call a function: Attune's consent follows
 * each choice passed to `update`, purpose by purpose (`true` grants, `false`
 * denies, anything else leaves that purpose as it is). Calls after the
 * teardown are ignored, and nothing the tool passes can throw into the page.
 *
 * @example
 * const stop = startCallbackConsent(consent, window, {
 *   subscribe: (update) => myCmp.onChange((c) => update({ measurement: c.statistics, help: c.preferences })),
 * });
 */
export const startCallbackConsent = (
  gate: Pick<ConsentGate, 'set'>,
  _win: Window & typeof globalThis,
  options: CallbackConsentOptions,
): (() => void) => {
  const log = options.log ?? createLogger();
  let stopped = false;
  const update = guard(log, (choice: ConsentChoice) => {
    if (stopped || typeof choice !== 'object' || choice === null) return;
    const clean: ConsentChoice = {};
    for (const purpose of PURPOSES) {
      const value = (choice as Record<string, unknown>)[purpose];
      if (typeof value === 'boolean') clean[purpose] = value;
    }
    if (Object.keys(clean).length) gate.set(clean);
  });
  const unsubscribe = guard(log, () => options.subscribe((choice) => void update(choice)))();
  return guard(log, () => {
    stopped = true;
    if (typeof unsubscribe === 'function') unsubscribe();
  }) as () => void;
};
