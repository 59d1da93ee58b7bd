import { nextTick, readonly, shallowRef, watch } from 'vue';

/** The app's pages; each has its own URL under the app's base. */
export type Route = 'home' | 'pricing' | 'signup';

const BASE = import.meta.env.BASE_URL; // '/vue/'
const PATHS: Record<Route, string> = { home: BASE, pricing: `${BASE}pricing/`, signup: `${BASE}signup/` };
const TITLES: Record<Route, string> = {
  home: 'Fernwood — class booking for yoga and fitness studios',
  pricing: 'Pricing — Fernwood',
  signup: 'Create your studio — Fernwood',
};

/** The URL of a route, with an optional hash such as `#compare`. */
export const href = (route: Route, hash = '') => PATHS[route] + hash;

const routeOf = (pathname: string): Route => {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname.replace(/^\//, '');
  const first = rest.split('/')[0];
  return first === 'pricing' || first === 'signup' ? first : 'home';
};

const current = shallowRef<Route>(typeof location === 'undefined' ? 'home' : routeOf(location.pathname));

/** The current route, read-only; it follows `navigate()` and the back and forward buttons. */
export const route = readonly(current);

const scrollToHash = (hash: string) => {
  const el = hash ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
  el?.scrollIntoView({ block: 'start' });
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
  current.value = routeOf(target.pathname);
};

/** Starts following the back and forward buttons, and moves focus to each new page's heading. */
export const startRouter = () => {
  window.addEventListener('popstate', () => {
    current.value = routeOf(location.pathname);
  });
  watch(current, async (next) => {
    document.title = TITLES[next];
    await nextTick();
    if (location.hash) scrollToHash(location.hash);
    else window.scrollTo(0, 0);
    document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true });
  });
  document.title = TITLES[current.value];
};

/** Follows a same-origin link inside the app without a page load; other clicks are left to the browser. */
export const followLink = (event: MouseEvent) => {
  const anchor = event.currentTarget as HTMLAnchorElement;
  const plain = event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey && !event.defaultPrevented;
  if (!plain || anchor.target || anchor.origin !== location.origin || !anchor.pathname.startsWith(BASE)) return;
  event.preventDefault();
  navigate(anchor.href);
};
