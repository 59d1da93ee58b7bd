import type { Detector } from './detector';
import { actionableOf } from '../target';
import { clickTarget } from './click-guard';
import { emitSignal } from './emit-signal';
import { all, listen } from './listen';
import { expectsRepeatedClicks } from './repeat-expected';

/** Rage-click thresholds. */
export interface RageClickConfig {
  /** Clicks that make a burst (default 3). */
  clicks?: number;
  /** Longest gap between consecutive clicks of one burst, ms (default 1000). */
  windowMs?: number;
  /** Largest distance between clicks of one burst, CSS px (default 40). */
  radius?: number;
}

/**
 * Detects rage clicks: `clicks` or more trusted primary-button clicks on the
 * same resolved target, within `radius` px, each within `windowMs` of the
 * previous one. Emits one `rage_click` per burst, when the burst ends, with its
 * click count; `confidence: 'high'` when nothing responded from the burst's second
 * click on, or an uncaught error followed it. Skips text fields, elements where repeated clicks
 * are expected, modified clicks, backdrops, media, and the double or triple
 * clicks that select text or copy it. Waits for responses on the shared `ctx.watch` (given by `startSignals`).
 *
 * @example
 * const stop = startRageClick(ctx, { clicks: 3, windowMs: 1000, radius: 40 });
 */
export const startRageClick: Detector<RageClickConfig> = (ctx, config) => {
  const need = config.clicks ?? 3;
  const windowMs = config.windowMs ?? 1000;
  const radius = config.radius ?? 40;
  const win = ctx.doc.defaultView!;
  let target: Element | null = null;
  let count = 0;
  let x = 0;
  let y = 0;
  let last = 0;
  let live = false;
  let erred = false;
  let copied = false;
  let cancel = () => {};
  let unwatch = () => false;

  const finish = () => {
    cancel();
    // A form control near the burst that changed value (a stepper) answered it too.
    if (unwatch()) live = true;
    unwatch = () => false;
    const el = target;
    target = null;
    if (!el || count < need || copied) return;
    // Two or three clicks that left a text selection are a word or paragraph being selected.
    if (count <= 3 && !actionableOf(el) && ctx.doc.getSelection()?.isCollapsed === false) return;
    emitSignal(ctx, 'rage_click', el, count, erred || !live);
  };

  const onClick = (event: MouseEvent) => {
    const raw = clickTarget(event, 'rage');
    if (!raw || expectsRepeatedClicks(raw)) return;
    const el = actionableOf(raw) ?? raw.closest('[data-attune]') ?? raw;
    const at = ctx.now();
    if (el !== target || at - last > windowMs || Math.hypot(event.clientX - x, event.clientY - y) > radius) {
      finish();
      target = el;
      count = 0;
      x = event.clientX;
      y = event.clientY;
      live = erred = copied = false;
    }
    // A lone click never becomes a burst: the response watcher starts with the second one, so
    // ordinary clicks cost no observers at all.
    if (++count === 2) unwatch = ctx.watch!.pend(el, event, () => (live = true));
    last = at;
    cancel();
    cancel = ctx.schedule(finish, windowMs);
  };

  const stops = [
    // On the window: see startDeadClick.
    listen(ctx, win, 'click', onClick),
    listen(ctx, ctx.doc, 'copy', () => (copied = true)),
    listen(ctx, win, 'error unhandledrejection', (event: Event) => {
      if (event.type[0] === 'u' || 'message' in event) erred = true;
    }),
    () => {
      target = null;
      finish();
    },
  ];
  return all(stops);
};
