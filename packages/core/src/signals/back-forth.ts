import type { Detector } from './detector';
import { emitSignal } from './emit-signal';
import { all, listen } from './listen';
import { onRouteChange } from './route-change';

/** Back-and-forth thresholds. */
export interface BackForthConfig {
  /** A → B → A counts when it takes less than this, ms (default 10000). */
  windowMs?: number;
  /** Visits (loads, reloads, route changes) of one path that count as going round in circles (default 3). */
  visits?: number;
  /** …within this, ms (default 120000). */
  revisitMs?: number;
}

type Visit = [path: string, at: number];

const KEY = 'attune:trail';
/** Set when the page is left less than 10 s after a form submit: the next load is that form's answer. */
const SENT = 'attune:sent';

/**
 * Detects back and forth: A → B → A within `windowMs`, or the same page loaded, reloaded or
 * revisited `visits` times within `revisitMs`. Route changes inside the page always count;
 * across full page loads the trail is kept in `ctx.session` (per tab, paths and times only),
 * when the runtime provides it. A load or route change that answers a form submit (a coupon's
 * "Apply" reloading the same path, "Continue" moving on) is not a visit: filling a form is not
 * going back and forth. Emits `back_forth` with target `page` and the visit count.
 *
 * @example
 * const stop = startBackForth(ctx, { windowMs: 10000, visits: 3, revisitMs: 120000 });
 */
export const startBackForth: Detector<BackForthConfig> = (ctx, config) => {
  const win = ctx.doc.defaultView!;
  const windowMs = config.windowMs ?? 10_000;
  const need = config.visits ?? 3;
  const revisitMs = config.revisitMs ?? 120_000;
  let trail: Visit[] = [];
  try {
    trail = JSON.parse(ctx.session?.get(KEY) ?? '[]') as Visit[];
  } catch {
    // A damaged trail starts again.
  }

  const visit = (path: string) => {
    const t = ctx.now();
    trail = [...trail.filter((v) => t - v[1] <= revisitMs), [path, t] as Visit].slice(-20);
    ctx.session?.set(KEY, JSON.stringify(trail));
    const n = trail.length;
    const [a, b] = [trail[n - 3], trail[n - 2]];
    const same = trail.filter((v) => v[0] === path).length;
    if (a && b && a[0] === path && b[0] !== path && t - a[1] <= windowMs) emitSignal(ctx, 'back_forth', null, 2);
    else if (same >= need) emitSignal(ctx, 'back_forth', null, same);
  };

  // When the visitor last submitted a form.
  let sent = -Infinity;
  if (ctx.session?.get(SENT)) ctx.session.set(SENT, '');
  else visit(win.location.pathname);
  return all([
    listen(ctx, ctx.doc, 'submit', (event: Event) => event.isTrusted && (sent = ctx.now())),
    listen(ctx, win, 'pagehide', () => ctx.now() - sent < 10_000 && ctx.session?.set(SENT, '1')),
    onRouteChange(ctx, (path) => ctx.now() - sent > 2000 && visit(path)),
  ]);
};
