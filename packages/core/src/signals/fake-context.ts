import type { SignalRecord } from '@attune/rules';
import type { DetectorContext } from './detector';
import { watchResponse } from './watch-response';

/**
 * A detector context for unit tests: timers from the (fake) global clock, emitted signals
 * collected in `signals`, errors not swallowed, a response watcher ignoring `ignoreUrls`
 * (its request wrappers are removed by `ctx.watch.stop()`).
 */
export const fakeContext = (doc: Document, extra: Partial<DetectorContext> = {}, ignoreUrls: string[] = []) => {
  const signals: Omit<SignalRecord, 'path'>[] = [];
  const ctx: DetectorContext = {
    doc,
    emit: (s) => signals.push({ ...s, at: s.at ?? Date.now() }),
    now: () => Date.now(),
    schedule: (fn, ms) => {
      const id = setTimeout(fn, ms);
      return () => clearTimeout(id);
    },
    wrap: (fn) => fn,
    ...extra,
  };
  ctx.watch ??= watchResponse(ctx, ignoreUrls);
  return { ctx, signals };
};

/** Dispatches `event` on `el` as if the browser had (happy-dom events are untrusted). */
export const trusted = <E extends Event>(el: EventTarget, event: E): E => {
  Object.defineProperty(event, 'isTrusted', { value: true });
  el.dispatchEvent(event);
  return event;
};

/** A trusted primary click at (`x`, `y`). */
export const click = (el: Element, x = 100, y = 100, init: MouseEventInit = {}) =>
  trusted(el, new MouseEvent('click', { bubbles: true, cancelable: true, clientX: x, clientY: y, button: 0, detail: 1, ...init }));
