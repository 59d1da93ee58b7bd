import { useEffect, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/** The app's pages; each has its own URL under the app's base. */
export type Route = 'home' | 'pricing' | 'signup';

const BASE = import.meta.env.BASE_URL; // '/react/'
const PATHS: Record<Route, string> = { home: BASE, pricing: `${BASE}pricing/`, signup: `${BASE}signup/` };

/** The URL of a route, with an optional hash such as `#compare`. */
export const href = (route: Route, hash = '') => PATHS[route] + hash;

const routeOf = (pathname: string): Route => {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname.replace(/^\//, '');
  const first = rest.split('/')[0];
  return first === 'pricing' || first === 'signup' ? first : 'home';
};

const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};

/** Moves to `url` through the History API: Attune reads the new path from `location` on its next decision. */
export const navigate = (url: string) => {
  const target = new URL(url, location.href);
  if (target.pathname === location.pathname && target.search === location.search) {
    if (target.hash) history.replaceState(history.state, '', target.hash);
    scrollToHash(target.hash);
    return;
  }
  history.pushState(null, '', target.pathname + target.search + target.hash);
  notify();
};

const scrollToHash = (hash: string) => {
  const el = hash ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
  if (el) el.scrollIntoView({ block: 'start' });
};

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
};

/** The current route; re-renders on `navigate()` and on the browser's back and forward buttons. */
export const useRoute = (): Route =>
  useSyncExternalStore(
    subscribe,
    () => routeOf(location.pathname),
    () => 'home',
  );

/** After a route change: scroll to the hash or the top, and move focus to the new page's heading. */
export const useRouteFocus = (route: Route, title: string) => {
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again on every route change, by design
  useEffect(() => {
    document.title = title;
    if (location.hash) scrollToHash(location.hash);
    else window.scrollTo(0, 0);
    const heading = document.querySelector<HTMLElement>('main h1');
    heading?.focus({ preventScroll: true });
  }, [route, title]);
};

/** Whether a click should be left to the browser (new tab, download, other origin). */
const isPlainClick = (event: MouseEvent<HTMLAnchorElement>) =>
  event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey && !event.defaultPrevented;

/** Follows a same-origin link inside the app without a page load. */
export const followLink = (event: MouseEvent<HTMLAnchorElement>) => {
  const anchor = event.currentTarget;
  if (!isPlainClick(event) || anchor.target || anchor.origin !== location.origin || !anchor.pathname.startsWith(BASE)) return;
  event.preventDefault();
  navigate(anchor.href);
};

/** An `<a>` to one of the app's routes. */
export const Link = ({ to, hash, ...rest }: { to: Route; hash?: string } & AnchorHTMLAttributes<HTMLAnchorElement>) => (
  <a {...rest} href={href(to, hash)} onClick={followLink} />
);
