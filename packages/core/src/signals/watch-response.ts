import type { DetectorContext } from './detector';
import { listen } from './listen';

/**
 * Events that show the page reacted: scroll, focus, selection, toggles, motion, input, media,
 * leaving. History and hash changes are seen by the caller comparing URLs; dialogs closing by the MutationObserver.
 */
const RESPONSES =
  'scroll selectionchange focusin focusout visibilitychange toggle transitionrun animationstart input change submit invalid copy play pagehide blur';

/** Data requests a page makes in answer to a click; scripts and styles (Attune's own lazy chunks too) are not. */
const DATA = /^(fetch|xmlhttprequest|beacon)$/;

const isOwn = (node: Node): boolean =>
  !!(node.nodeType === 1 ? (node as Element) : node.parentElement)?.closest('[data-attune-ui]');

/**
 * Watches, from now until the returned stop is called, for any sign that the page responded
 * to a click: a DOM mutation outside Attune's UI; a data request (fetch, XHR, beacon) started
 * since, except to `ignoreUrls` and Attune's endpoint (Resource Timing reports a request when it
 * ends, so one still running at the verdict is not seen); the page being left; scroll; a real
 * selection or a copy; a focus or visibility change (a new window blurs this one); a popover or
 * details toggling; a transition or animation starting away from the pointer; input, change,
 * submit or a validation failure; media starting to play. Calls `onResponse` once, then stops
 * itself. The MutationObserver and listeners exist only while watching.
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
        for (const e of list.getEntries() as PerformanceResourceTiming[])
          if (e.startTime >= since && DATA.test(e.initiatorType) && !skip.some((u) => e.name.includes(u))) return respond();
      }),
    );
  requests?.observe({ type: 'resource' });
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
