import type { DetectorContext } from './detector';
import { listen } from './listen';

type NavigateEvent = Event & { destination: { url: string; sameDocument: boolean } };

/**
 * Calls `fn` with the new path whenever the page changes route without loading a new
 * document (History API, back and forward), through the Navigation API where the browser
 * has it, else `popstate`. Query and hash changes are not route changes. Returns the removal.
 */
export const onRouteChange = (ctx: DetectorContext, fn: (path: string) => void): (() => void) => {
  const win = ctx.doc.defaultView!;
  const nav = (win as unknown as { navigation?: EventTarget }).navigation;
  let here = win.location.pathname;
  const to = (url: string) => {
    const path = new URL(url, win.location.href).pathname;
    if (path !== here) fn((here = path));
  };
  return nav
    ? listen(ctx, nav, 'navigate', (event: NavigateEvent) => event.destination.sameDocument && to(event.destination.url))
    : listen(ctx, win, 'popstate', () => to(win.location.href));
};
