import type { Detector } from './detector';
import { actionableOf } from '../target';
import { clickTarget } from './click-guard';
import { emitSignal } from './emit-signal';
import { listen } from './listen';

/** Dead-click settings. */
export interface DeadClickConfig {
  /** How long the page has to respond, ms (default 2500). */
  waitMs?: number;
}

/** Clicks whose effect happens outside the page (downloads, new tabs, pickers, native selects) or that `disabled_click` reports. */
const OUTSIDE = 'a[download],a[target=_blank],select,input[type=file],input[type=color],[aria-disabled=true]';

/**
 * Detects dead clicks: a trusted primary click on something that looks actionable (an
 * interactive element or a pointer cursor) after which nothing responds within `waitMs`
 * (see `watchResponse` for what counts; the site's polling URLs are `SignalsConfig.ignoreUrls`).
 * Emits `dead_click` with the clicks it received. Each pending target waits on the shared
 * response watcher (`ctx.watch`); any response clears them all.
 *
 * @example
 * const stop = startDeadClick(ctx, { waitMs: 2500 });
 */
export const startDeadClick: Detector<DeadClickConfig> = (ctx, config) => {
  const win = ctx.doc.defaultView!;
  // Pending targets and the clicks each received, with their ends.
  const pending = new Map<Element, { n: number; end: () => void }>();

  const onClick = (event: MouseEvent) => {
    const raw = clickTarget(event, 'dead');
    if (!raw || raw.closest(OUTSIDE)) return;
    const el = actionableOf(raw) ?? (win.getComputedStyle(raw).cursor === 'pointer' ? raw : null);
    const same = el && pending.get(el);
    if (same) same.n++;
    // The second and third clicks of a double or triple click belong to the first.
    if (!el || same || event.detail > 1) return;
    const href = win.location.href;
    const end = () => {
      pending.delete(el);
      cancel();
      unpend();
    };
    const c = { n: 1, end };
    const cancel = ctx.schedule(() => {
      end();
      // An unprevented link click navigates (however slowly); a changed URL is a route change.
      if ((!el.closest('a[href]') || event.defaultPrevented) && win.location.href === href) emitSignal(ctx, 'dead_click', el, c.n);
    }, config.waitMs ?? 2500);
    const unpend = ctx.watch!.pend(end);
    pending.set(el, c);
  };

  const stop = listen(ctx, ctx.doc, 'click', onClick);
  return () => {
    stop();
    for (const c of pending.values()) c.end();
  };
};
