import type { Detector } from './detector';
import { actionableOf } from '../target';
import { clickTarget } from './click-guard';
import { emitSignal } from './emit-signal';
import { listen } from './listen';
import { watchResponse } from './watch-response';

/** Dead-click settings. */
export interface DeadClickConfig {
  /** How long the page has to respond, ms (default 2500). */
  waitMs?: number;
  /** Parts of request URLs that never count as a response, such as polling endpoints (default none). */
  ignoreUrls?: string[];
}

/** Clicks whose effect happens outside the page (downloads, new tabs, pickers, native selects) or that `disabled_click` reports. */
const OUTSIDE = 'a[download],a[target="_blank"],select,input[type="file"],input[type="color"],[aria-disabled="true"]';

interface Candidate {
  el: Element;
  event: MouseEvent;
  href: string;
  count: number;
  cancel: () => void;
}

/**
 * Detects dead clicks: a trusted primary click on something that looks actionable (an
 * interactive element or a pointer cursor) after which nothing responds within `waitMs`
 * (see `watchResponse` for what counts). Emits `dead_click` with the clicks it received.
 * Several candidates can wait at once; any response clears them all.
 *
 * @example
 * const stop = startDeadClick(ctx, { waitMs: 2500, ignoreUrls: ['/api/poll'] });
 */
export const startDeadClick: Detector<DeadClickConfig> = (ctx, config) => {
  const waitMs = config.waitMs ?? 2500;
  const win = ctx.doc.defaultView!;
  const pending: Candidate[] = [];
  let unwatch: (() => void) | null = null;

  const verdict = (c: Candidate) => {
    pending.splice(pending.indexOf(c), 1);
    if (!pending.length) {
      unwatch?.();
      unwatch = null;
    }
    // An unprevented link click navigates (however slowly); a changed URL is a route change.
    if ((c.el.closest('a[href]') && !c.event.defaultPrevented) || win.location.href !== c.href) return;
    emitSignal(ctx, 'dead_click', c.el, c.count);
  };

  const onClick = (event: MouseEvent) => {
    const raw = clickTarget(event, 'dead');
    if (!raw || raw.closest(OUTSIDE)) return;
    const el = actionableOf(raw) ?? (win.getComputedStyle(raw).cursor === 'pointer' ? raw : null);
    if (!el) return;
    const same = pending.find((c) => c.el === el);
    if (same) return void same.count++;
    // The second and third clicks of a double or triple click belong to the first.
    if (event.detail > 1) return;
    const c: Candidate = { el, event, href: win.location.href, count: 1, cancel: () => {} };
    c.cancel = ctx.schedule(() => verdict(c), waitMs);
    pending.push(c);
    unwatch ??= watchResponse(ctx, () => {
      unwatch = null;
      for (const p of pending.splice(0)) p.cancel();
    }, config.ignoreUrls);
  };

  const stop = listen(ctx, ctx.doc, 'click', onClick);
  return () => {
    stop();
    for (const p of pending.splice(0)) p.cancel();
    unwatch?.();
  };
};
