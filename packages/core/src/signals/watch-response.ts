import type { DetectorContext } from './detector';
import { listen } from './listen';

/**
 * Events that show the page reacted: scroll, focus, selection, toggles, motion, input, media,
 * leaving. History and hash changes are seen by the caller comparing URLs; dialogs closing by the MutationObserver.
 */
const RESPONSES =
  'scroll selectionchange focusin focusout visibilitychange toggle transitionrun animationstart input change submit invalid copy play pagehide blur';

const isOwn = (node: Node): boolean =>
  !!(node.nodeType === 1 ? (node as Element) : node.parentElement)?.closest('[data-attune-ui]');

/** The one response watcher the click detectors share (`DetectorContext.watch`). */
export interface ResponseWatch {
  /**
   * Calls `onResponse` once, at the page's next response (see `watchResponse`); returns the
   * cancel. The MutationObserver and the listeners exist only while someone is waiting.
   */
  pend(onResponse: () => void): () => void;
  /** Requests the page has started (fetch or XHR, minus ignored URLs) since the watch began. */
  requests(): number;
  /** Removes the request wrappers (where they are still Attune's) and stops watching. */
  stop(): void;
}

/**
 * One watcher for every pending click: a response is any of a DOM mutation outside Attune's UI;
 * a fetch or XHR starting, except to `ignoreUrls` (the site's polling) and Attune's endpoint; the
 * page being left; scroll; a real selection or a copy; a focus or visibility change (a new
 * window blurs this one); a popover or details toggling; a transition or animation starting away
 * from the pointer; input, change, submit or a validation failure; media starting to play.
 *
 * Requests are seen as they start, while still running, by thin wrappers around `fetch` and
 * `XMLHttpRequest.prototype.open` (Resource Timing only reports a request once it ended, so a slow
 * request would leave its click looking dead). The wrappers return what the original returns, keep
 * `this`, never throw, and are put back on `stop` unless someone wrapped them since. Beacons are
 * not responses: a page cannot show anything from a fire-and-forget send, and analytics beacons
 * follow nearly every click.
 *
 * @example
 * const watch = watchResponse(ctx, ['/api/poll']);
 * const cancel = watch.pend(() => console.log('the page responded'));
 */
export const watchResponse = (ctx: DetectorContext, ignoreUrls: readonly string[] = []): ResponseWatch => {
  const doc = ctx.doc;
  const win = doc.defaultView!;
  const skip = ctx.endpoint ? [...ignoreUrls, ctx.endpoint] : ignoreUrls;
  let waiting: (() => void)[] = [];
  let started = 0;
  // The browser moves focus and selection between pointerdown and pointerup of the next click: not a response.
  let pressing = false;
  let unwatch: (() => void) | undefined;

  const respond = () => {
    const list = waiting;
    waiting = [];
    idle();
    for (const fn of list) fn();
  };
  const idle = () => {
    if (!waiting[0]) unwatch = void unwatch?.();
  };
  const watch = () => {
    pressing = false;
    const observer = new win.MutationObserver(
      ctx.wrap((records: MutationRecord[]) => {
        for (const r of records)
          if (!isOwn(r.target) && (r.type !== 'childList' || ![...r.addedNodes, ...r.removedNodes].every(isOwn))) return respond();
      }),
    );
    observer.observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });
    const unlisten = listen(ctx, win, `pointerdown pointerup ${RESPONSES}`, (event: Event) => {
      const type = event.type;
      const target = event.target as Element;
      if (type.startsWith('pointer')) return void (pressing = type === 'pointerdown');
      if (pressing && /^(focus|blur|sel)/.test(type)) return;
      // A click on text leaves a collapsed selection; only a real selection is a response.
      if (type === 'selectionchange' && doc.getSelection()?.isCollapsed !== false) return;
      // Hover and press effects on what is under the pointer are not a response.
      if (/^(tr|an)/.test(type) && target.matches?.(':hover')) return;
      if (!isOwn(target)) respond();
    });
    return () => {
      observer.disconnect();
      unlisten();
    };
  };

  const wrap = <T extends object>(host: T | undefined, key: keyof T, urlOf: (args: any[]) => unknown) => {
    const original = host?.[key] as ((...args: unknown[]) => unknown) | undefined;
    if (typeof original !== 'function') return () => {};
    const ours = function (this: unknown, ...args: unknown[]) {
      try {
        const url = String(urlOf(args));
        if (!skip.some((u) => url.includes(u))) {
          started++;
          if (waiting[0]) respond();
        }
      } catch {}
      return original.apply(this, args);
    };
    try {
      host![key] = ours as T[keyof T];
    } catch {
      // A frozen or read-only `fetch`: requests are then not seen as they start.
    }
    return () => {
      if (host![key] === ours) host![key] = original as T[keyof T];
    };
  };
  const unwrap = [
    // A Request carries its URL; a string or URL is its own.
    wrap(win, 'fetch', (a) => a[0]?.url ?? a[0]),
    wrap(win.XMLHttpRequest?.prototype, 'open', (a) => a[1]),
  ];

  return {
    pend(fn) {
      waiting.push(fn);
      unwatch ??= watch();
      return () => {
        waiting = waiting.filter((f) => f !== fn);
        idle();
      };
    },
    requests: () => started,
    stop() {
      for (const undo of unwrap) undo();
      waiting = [];
      idle();
    },
  };
};
