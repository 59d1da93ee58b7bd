import type { Detector } from './detector';
import { actionableOf } from '../target';
import { clickTarget, PLACEHOLDER } from './click-guard';
import { emitSignal } from './emit-signal';
import { listen } from './listen';

/** Dead-click settings. */
export interface DeadClickConfig {
  /** How long the page has to respond, ms (default 2500). */
  waitMs?: number;
}

/** Clicks whose effect happens outside the page (downloads, new tabs, pickers, native selects) or that `disabled_click` reports. */
const OUTSIDE = 'a[download],a[target=_blank],select,input[type=file],input[type=color],[aria-disabled=true]';

/** Controls that already show what they select (the current slide's indicator, the open tab): pressing one again changes nothing, as the visitor can see. */
const CURRENT = '[aria-current]:not([aria-current=false]),[aria-selected=true]';

/** Disabled controls; Bootstrap's also take `pointer-events: none`, so a press on one lands on what is under it. */
const DISABLED = ':is(button,a,input,[role=button]):is(:disabled,.disabled,[aria-disabled=true])';

/**
 * Detects dead clicks: a trusted primary click on something that looks actionable (an
 * interactive element or a pointer cursor) after which nothing the click plausibly caused
 * happens within `waitMs` (see `watchResponse`: background churn and hover effects do not count;
 * the site's polling URLs are `SignalsConfig.ignoreUrls`) and no form control near it changed
 * value. A link counts only when its navigation was prevented or it is a placeholder
 * (`href="#"`, `#!`, `javascript:`), and the URL (but for a bare `#`) stayed the same; a bare
 * `#` link in the footer or fixed on screen that the page lets through on a scrolled page is
 * answered by the browser scrolling to the top (a "Back to top" link). A control already marked current or selected (`aria-current`, `aria-selected="true"`:
 * the shown slide's indicator, the open tab) is not counted: pressing it again changes nothing.
 * Emits `dead_click` with the clicks it received. A press on nothing actionable that lands on
 * the parent of a disabled control under `pointer-events: none` emits `disabled_click` on that
 * control instead (the only case where the click is hit-tested).
 *
 * @example
 * const stop = startDeadClick(ctx, { waitMs: 2500 });
 */
export const startDeadClick: Detector<DeadClickConfig> = (ctx, config) => {
  const win = ctx.doc.defaultView!;
  const url = () => win.location.href.replace(/#!?$/, '');
  // Pending targets and the clicks each received, with their ends.
  const pending = new Map<Element, { n: number; end: () => boolean }>();
  const presses = new WeakMap<Element, number>();

  const onClick = (event: MouseEvent) => {
    const raw = clickTarget(event, 'dead');
    if (!raw || raw.closest(OUTSIDE)) return;
    const el = actionableOf(raw) ?? (win.getComputedStyle(raw).cursor === 'pointer' ? raw : null);
    if (el?.matches(CURRENT)) return;
    if (!el) {
      for (const off of raw.querySelectorAll(DISABLED)) {
        const r = off.getBoundingClientRect();
        if (event.clientX >= r.left && event.clientX <= r.right && event.clientY >= r.top && event.clientY <= r.bottom) {
          const n = (presses.get(off) ?? 0) + 1;
          presses.set(off, n);
          return emitSignal(ctx, 'disabled_click', off, n);
        }
      }
      return;
    }
    const same = pending.get(el);
    if (same) same.n++;
    // The second and third clicks of a double or triple click belong to the first.
    if (same || event.detail > 1) return;
    const href = url();
    // A placeholder link only changes the fragment to itself: from `page#contact`, `#!` leaves `page#!`, the same page.
    const own = el.matches(PLACEHOLDER) ? href.replace(/#.*$/, '') : href;
    // A bare `#` link the page lets through takes a scrolled page back to its top: the browser's own answer when that is the
    // link's place (a "Back to top" link in the footer, or fixed on screen); a `#` link elsewhere (a shop's "View options") is a placeholder.
    const toTop =
      el.matches('a[href="#"]') &&
      win.scrollY > 0 &&
      !!(el.closest('footer,[role=contentinfo]') || win.getComputedStyle(el).position === 'fixed');
    const end = () => {
      pending.delete(el);
      cancel();
      return unpend();
    };
    const c = { n: 1, end };
    const cancel = ctx.schedule(() => {
      // An unprevented link click navigates (however slowly); a changed URL is a route change.
      if (
        !end() &&
        (!el.closest(`a[href]:not(${PLACEHOLDER})`) || event.defaultPrevented) &&
        !(toTop && !event.defaultPrevented) &&
        (url() === href || url() === own)
      )
        emitSignal(ctx, 'dead_click', el, c.n);
    }, config.waitMs ?? 2500);
    const unpend = ctx.watch!.pend(el, event, end);
    pending.set(el, c);
  };

  // On the window, so the watch starts before the page's own capture listeners on the document (Bootstrap's delegated handlers) change anything.
  const stop = listen(ctx, win, 'click', onClick);
  return () => {
    stop();
    for (const c of pending.values()) c.end();
  };
};
