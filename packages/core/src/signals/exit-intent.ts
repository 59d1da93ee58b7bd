import type { Detector } from './detector';
import { emitSignal } from './emit-signal';
import { all, listen } from './listen';

/** Exit-intent settings. */
export interface ExitIntentConfig {
  /** Time on the page before exit intent can count, ms (default 3000). */
  afterMs?: number;
  /** On touch devices, how fast a scroll back to the top must be, ms (default 800). */
  flickMs?: number;
}

type NavigateEvent = Event & { navigationType: string; destination: { index: number } };

/** Upward pointer speed that makes a leave through the top an exit, px/ms (a calm move to the tab strip is slower). */
const EXIT_SPEED = 1;

/**
 * Detects exit intent, once per page view and only after `afterMs` on the page. With a mouse:
 * after the visitor engaged with the page (a press, a key or the wheel), the pointer leaving
 * through the top of the viewport fast (at least 1 px/ms upward, smoothed over the last
 * moves): moving to the tab strip or the address bar at an ordinary pace is not exit intent. On touch devices
 * (`pointer: coarse`): a scroll from at least one screen down back to the top within `flickMs`,
 * or a back navigation inside the page's history. Emits `exit_intent` with target `page`: a
 * weak signal (see `SIGNAL_STRENGTH`), never enough for help on its own.
 *
 * @example
 * const stop = startExitIntent(ctx, { afterMs: 3000 });
 */
export const startExitIntent: Detector<ExitIntentConfig> = (ctx, config) => {
  const win = ctx.doc.defaultView!;
  const nav = (win as unknown as { navigation?: EventTarget & { currentEntry?: { index: number } } }).navigation;
  const start = ctx.now();
  const flickMs = config.flickMs ?? 800;
  let y = 0;
  let at = 0;
  let speed = 0;
  let engaged = false;
  let done = false;
  let deep = -Infinity;
  const fire = () => {
    if (done || ctx.now() - start < (config.afterMs ?? 3000)) return;
    done = true;
    emitSignal(ctx, 'exit_intent', null, 1);
  };
  const stops = [
    listen(ctx, ctx.doc, 'pointermove', (event: PointerEvent) => {
      const t = ctx.now();
      // Browsers send at most one move per frame while the pointer moves: a move after a rest covered one frame or so.
      const up = (y - event.clientY) / Math.min(Math.max(t - at, 16), 50);
      // A move down or sideways starts the measure again.
      speed = up > 0 ? (speed + up) / 2 : 0;
      y = event.clientY;
      at = t;
    }),
    listen(ctx, ctx.doc, 'pointerdown keydown wheel', (event: Event) => (engaged ||= event.isTrusted)),
    listen(ctx, ctx.doc, 'mouseout', (event: MouseEvent) => {
      if (event.isTrusted && !event.relatedTarget && event.clientY <= 0 && engaged && speed >= EXIT_SPEED) fire();
    }),
  ];
  if (win.matchMedia?.('(pointer: coarse)').matches) {
    stops.push(
      listen(ctx, ctx.doc, 'scroll', (event: Event) => {
        const t = ctx.now();
        if (event.target !== ctx.doc) return;
        if (win.scrollY >= win.innerHeight) deep = t;
        else if (win.scrollY < 50 && t - deep <= flickMs) fire();
      }),
    );
    if (nav)
      stops.push(
        listen(ctx, nav, 'navigate', (event: NavigateEvent) => {
          if (event.navigationType === 'traverse' && event.destination.index < (nav.currentEntry?.index ?? 0)) fire();
        }),
      );
  }
  return all(stops);
};
