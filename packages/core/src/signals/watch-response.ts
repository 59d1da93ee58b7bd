import type { DetectorContext } from './detector';
import { listen } from './listen';

/** Events that show the page reacted: navigation, scroll, focus, selection, toggles, motion, input. */
const RESPONSES =
  'scroll selectionchange focusin focusout visibilitychange toggle transitionrun animationstart input change submit invalid copy play pause fullscreenchange close hashchange popstate pagehide blur';

const isOwn = (node: Node): boolean =>
  !!(node.nodeType === 1 ? (node as Element) : node.parentElement)?.closest('[data-attune-ui]');

/**
 * Watches, from now until the returned stop is called, for any sign that the page responded
 * to a click: a DOM mutation outside Attune's UI, a request starting (except to
 * `ignoreUrls` and Attune's endpoint), navigation, scroll, a selection, a focus or visibility
 * change (a new window blurs this one), a dialog, popover or details toggling, a transition or
 * animation starting away from the pointer, input. Calls `onResponse` once, then stops itself.
 * The MutationObserver and listeners exist only while watching.
 */
export const watchResponse = (
  ctx: DetectorContext,
  onResponse: () => void,
  ignoreUrls: readonly string[] = [],
): (() => void) => {
  const doc = ctx.doc;
  const win = doc.defaultView!;
  const since = win.performance.now();
  const skip = ctx.endpoint ? [...ignoreUrls, ctx.endpoint] : ignoreUrls;
  // The browser moves focus and selection between pointerdown and pointerup of the next click: not a response.
  let pressing = false;
  const respond = () => {
    stop();
    onResponse();
  };
  const observer = new win.MutationObserver(
    ctx.wrap((records: MutationRecord[]) => {
      for (const r of records) {
        if (isOwn(r.target)) continue;
        if (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every(isOwn)) continue;
        return respond();
      }
    }),
  );
  observer.observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });
  const requests =
    win.PerformanceObserver &&
    new win.PerformanceObserver(
      ctx.wrap((list: PerformanceObserverEntryList) => {
        for (const e of list.getEntries()) if (e.startTime >= since && !skip.some((u) => e.name.includes(u))) return respond();
      }),
    );
  try {
    requests?.observe({ type: 'resource' });
  } catch {
    // No Resource Timing: requests are simply not seen.
  }
  const unlisten = listen(ctx, win, `pointerdown pointerup ${RESPONSES}`, (event: Event) => {
    const type = event.type;
    const target = event.target as Element;
    if (type.startsWith('pointer')) {
      pressing = type === 'pointerdown';
      return;
    }
    if (pressing && /^(focus|blur|sel)/.test(type)) return;
    // A click on text leaves a collapsed selection; only a real selection is a response.
    if (type === 'selectionchange' && doc.getSelection()?.isCollapsed !== false) return;
    // Hover and press effects on what is under the pointer are not a response.
    if (/^(tr|an)/.test(type) && target.matches?.(':hover')) return;
    if (!isOwn(target)) respond();
  });
  const stop = () => {
    observer.disconnect();
    requests?.disconnect();
    unlisten();
  };
  return stop;
};
