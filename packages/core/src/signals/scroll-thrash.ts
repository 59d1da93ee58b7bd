import type { Detector } from './detector';
import { sectionInView } from '../target';
import { emitSignal } from './emit-signal';
import { listen } from './listen';

/** Scroll-thrash thresholds. */
export interface ScrollThrashConfig {
  /** Direction reversals that make thrash (default 3). */
  reversals?: number;
  /** Smallest travel that counts between reversals, as a fraction of the viewport height (default 0.5). */
  distance?: number;
  /** …all within this, ms (default 4000). */
  windowMs?: number;
}

/**
 * Detects scroll thrash: `reversals` or more large changes of scroll direction (each after at
 * least `distance` viewport heights of travel) within `windowMs`. Emits one `scroll_thrash`
 * per episode with the number of reversals, on the `data-attune` section in the middle of the
 * viewport, else `page`. Only the page's own scrolling counts; the handler reads `scrollY` only.
 *
 * @example
 * const stop = startScrollThrash(ctx, { reversals: 3, distance: 0.5, windowMs: 4000 });
 */
export const startScrollThrash: Detector<ScrollThrashConfig> = (ctx, config) => {
  const need = config.reversals ?? 3;
  const windowMs = config.windowMs ?? 4000;
  const doc = ctx.doc;
  const win = doc.defaultView!;
  const span = () => win.innerHeight * (config.distance ?? 0.5);
  // The furthest point of the current stroke, its direction, and when each reversal happened.
  // The first scroll event sets where the stroke starts: reading scrollY at start-up would force a
  // layout while the page is still loading.
  let turn: number | undefined;
  let dir = 0;
  let flips: number[] = [];
  return listen(ctx, doc, 'scroll', (event: Event) => {
    if (event.target !== doc) return;
    const y = win.scrollY;
    if (turn === undefined) return void (turn = y);
    const t = ctx.now();
    const d = Math.sign(y - turn);
    if (d === dir || !dir) {
      if (d === dir ? (y - turn) * d > 0 : Math.abs(y - turn) >= span()) {
        dir = d;
        turn = y;
      }
      return;
    }
    if (Math.abs(y - turn) < span()) return;
    flips = [...flips.filter((at) => t - at <= windowMs), t];
    dir = d;
    turn = y;
    if (flips.length >= need) {
      flips = [];
      emitSignal(ctx, 'scroll_thrash', sectionInView(doc), need);
    }
  });
};
