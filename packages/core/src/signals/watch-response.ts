import type { DetectorContext, ResponseWatch } from './detector';
import { listen } from './listen';

/**
 * Events of a kind only the visitor's action causes: focus moving (a new window blurs this one),
 * the page hiding or being left, a popover or details toggling, input, change, submit or a
 * validation failure, a copy, media starting to play.
 */
const CAUSED = 'focusin focusout blur visibilitychange pagehide toggle input change submit invalid copy play';

/** Attribute changes of a kind a click causes, wherever they happen (a menu opening elsewhere). */
const CAUSED_ATTRIBUTE = /^(aria-(expanded|pressed)|open)$/;

/** Regions that change by themselves (slideshows, tickers): their changes answer only clicks inside them, and only at once. */
const CHURN = '[aria-roledescription=carousel],[class*=carousel],[class*=slide],[class*=swiper],[class*=marquee],[class*=ticker]';

/** How long after a click any change on the page still counts as its answer, ms. */
const AT_ONCE_MS = 150;

/** How far from the click point a later change still counts as near it, CSS px. */
const NEAR_PX = 150;

const isOwn = (node: Node): boolean => !!(node.nodeType === 1 ? (node as Element) : node.parentElement)?.closest('[data-attune-ui]');

interface Wait {
  /** What was clicked. */
  e: Element;
  x: number;
  y: number;
  /** Still answered by any change: the click's own task and the next few frames. */
  s: boolean;
  /** The click. */
  v: MouseEvent;
  f: () => void;
}

/**
 * The one response watcher for every pending click. It credits only what the click plausibly
 * caused:
 * - anything of a kind a click causes, wherever it happens: a fetch or XHR starting (except to
 *   `ignoreUrls`, the site's polling, and Attune's endpoint), focus moving (not the press's own),
 *   the page hiding or being left, a popover or details toggling, input, change, submit or a
 *   validation failure, a copy, media starting to play, `aria-expanded`, `aria-pressed` or
 *   `open` changing;
 * - any DOM change or scroll outside Attune's UI in the click's own task and the next
 *   {@link AT_ONCE_MS} ms (the time a handler's or a framework's update takes to land), except
 *   inside a slideshow or ticker the click was not in;
 * - later, a change inside what was clicked or the clicked element becoming current or selected
 *   (`aria-current`, `aria-selected`), or an element changing or appearing within
 *   {@link NEAR_PX} px of the click point (not one of the clicked element's ancestors, and not
 *   inside a slideshow or ticker).
 * The page's own background churn far from the click (a clock, an autoplaying slideshow) and
 * hover or transition effects as the pointer leaves are not answers. Navigation is judged by the
 * detectors comparing URLs. The end of each wait also reports whether a form control near the
 * click (in its form, or two levels up) changed value: values are compared in memory, never kept
 * or sent.
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
 * const end = watch.pend(button, clickEvent, () => console.log('the page responded'));
 */
export const watchResponse = (ctx: DetectorContext, ignoreUrls: readonly string[] = []): ResponseWatch => {
  const doc = ctx.doc;
  const win = doc.defaultView!;
  const skip = ctx.endpoint ? [...ignoreUrls, ctx.endpoint] : ignoreUrls;
  let waiting: Wait[] = [];
  let started = 0;
  // The browser moves focus and selection between pointerdown and pointerup of the next click: not a response.
  let pressing = false;
  let unwatch: (() => void) | undefined;

  const respond = (done: Wait[]) => {
    waiting = waiting.filter((w) => !done.includes(w));
    idle();
    for (const w of done) w.f();
  };
  const idle = () => {
    if (!waiting[0]) unwatch = void unwatch?.();
  };
  // Whether a change to `el` (its `attribute`, if named) answers the click `w`; layout is read only for later changes.
  const answers = (w: Wait, el: Element | null, attribute?: string | null): boolean => {
    if (!el || isOwn(el)) return false;
    if (CAUSED_ATTRIBUTE.test(attribute ?? '')) return true;
    const churn = el.closest(CHURN);
    if (w.s) {
      // A slideshow answers a click on its own controls: find the outermost region around the click.
      let region: Element | null = null;
      for (let r = w.e.closest(CHURN); r; r = r.parentElement!.closest(CHURN)) region = r;
      return !churn || !!region?.contains(el);
    }
    // Later: what the click changed inside the clicked element (its own attributes change on hover and tooltips, but it
    // becoming the current or selected one is the click's doing: a slideshow's indicator once the running slide ends)...
    if (w.e.contains(el)) return el !== w.e || !attribute || /^aria-(current|selected)$/.test(attribute);
    // ...or something changing near the click, neither an ancestor, nor under the pointer now (a hover effect), nor churn.
    if (churn || el.contains(w.e) || el.matches(':hover')) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && Math.max(r.left - w.x, w.x - r.right, r.top - w.y, w.y - r.bottom) < NEAR_PX;
  };
  const changed = (el: Element | null, attribute?: string | null) => respond(waiting.filter((w) => answers(w, el, attribute)));
  const watch = () => {
    pressing = false;
    const observer = new win.MutationObserver(
      ctx.wrap((records: MutationRecord[]) => {
        for (const r of records) {
          const node = r.target;
          const added = [...r.addedNodes].find((n) => n.nodeType === 1) as Element | undefined;
          changed(added ?? (node.nodeType === 1 ? (node as Element) : node.parentElement), r.attributeName);
        }
      }),
    );
    observer.observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });
    const unlisten = listen(ctx, win, `pointerdown pointerup scroll ${CAUSED}`, (event: Event) => {
      const type = event.type;
      const target = event.target;
      if (type[0] === 'p' && type[1] === 'o') return void (pressing = type === 'pointerdown');
      // The page scrolling answers only at once (a "back to top" button or link), not the visitor scrolling on later.
      // A bare `#` link's own jump to the top is the browser following a placeholder, not the page answering (startDeadClick
      // credits it only where a back-to-top link sits).
      if (type === 'scroll')
        return target === doc
          ? respond(waiting.filter((w) => w.s && !(w.e.matches('a[href="#"]') && !w.v.defaultPrevented)))
          : changed(target as Element);
      if (pressing && /^(focus|blur)/.test(type)) return;
      if (!(target instanceof win.Node) || !isOwn(target)) respond(waiting);
    });
    return () => {
      observer.disconnect();
      unlisten();
    };
  };

  // biome-ignore lint/suspicious/noExplicitAny: fetch's and XHR open's arguments, read defensively inside a try
  const wrap = <T extends object>(host: T | undefined, key: keyof T, urlOf: (args: any[]) => unknown) => {
    const original = host?.[key] as ((...args: unknown[]) => unknown) | undefined;
    if (typeof original !== 'function') return () => {};
    const ours = function (this: unknown, ...args: unknown[]) {
      try {
        const url = String(urlOf(args));
        if (!skip.some((u) => url.includes(u))) {
          started++;
          respond(waiting);
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
    pend(el, event, f) {
      const w: Wait = { e: el, x: event.clientX, y: event.clientY, s: true, v: event, f };
      const fields = [...(el.closest('form') ?? el.parentElement?.parentElement ?? el).querySelectorAll('input,select,textarea')].slice(
        0,
        50,
      ) as HTMLInputElement[];
      const values = () => fields.map((f) => f.value + f.checked).join();
      const before = values();
      waiting.push(w);
      unwatch ??= watch();
      const soon = ctx.schedule(() => (w.s = false), AT_ONCE_MS);
      return () => {
        soon();
        waiting = waiting.filter((x) => x !== w);
        idle();
        return values() !== before;
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
