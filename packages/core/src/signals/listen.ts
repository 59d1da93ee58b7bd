import type { DetectorContext } from './detector';

/**
 * Adds one passive, capture-phase, error-guarded listener for each space-separated event type
 * on `target`; returns their removal.
 */
export const listen = <E extends Event>(ctx: DetectorContext, target: EventTarget, types: string, fn: (event: E) => void): (() => void) => {
  const handler = ctx.wrap(fn) as EventListener;
  const list = types.split(' ');
  for (const type of list) target.addEventListener(type, handler, { capture: true, passive: true });
  return () => {
    for (const type of list) target.removeEventListener(type, handler, true);
  };
};

/** One teardown for several. */
export const all =
  (stops: (() => void)[]): (() => void) =>
  () => {
    for (const stop of stops) stop();
  };
