import type { Facts, ReferrerClass } from '@attune/rules';

/** Query keys kept by default; every other key is dropped on the device. */
export const DEFAULT_QUERY_ALLOWLIST: readonly string[] = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'];

/** The page as Attune may know it: the path and the allowlisted query values only. */
export const pageFacts = (
  url: string,
  referrer: string,
  allow: readonly string[] = DEFAULT_QUERY_ALLOWLIST,
): Facts['page'] => {
  const here = new URL(url);
  const utm: Record<string, string> = {};
  for (const key of allow) {
    const value = here.searchParams.get(key);
    if (value) utm[key] = value.slice(0, 100);
  }
  return {
    path: here.pathname.slice(0, 512),
    referrer: referrerClass(referrer, here.host, utm),
    ...(Object.keys(utm).length ? { utm } : {}),
  };
};

const SEARCH = /(^|\.)(google|bing|duckduckgo|yahoo|baidu|yandex|ecosia|startpage|qwant|kagi)\./;
const SOCIAL = /(^|\.)(facebook|fb|instagram|linkedin|lnkd|twitter|x|t|reddit|youtube|tiktok|pinterest|mastodon|threads|bsky)\.(com|co|social|net|in|app)$/;
const EMAIL = /(^|\.)(mail\.google|outlook\.live|mail\.yahoo|mail\.proton)\./;

/** Classifies a referrer coarsely; the referrer URL itself is never kept. */
export const referrerClass = (referrer: string, host: string, utm: Readonly<Record<string, string>> = {}): ReferrerClass => {
  const medium = (utm.utm_medium ?? '').toLowerCase();
  if (/^(cpc|ppc|paid|paidsearch|display|cpm)/.test(medium)) return 'paid';
  if (medium === 'email' || medium === 'newsletter') return 'email';
  if (medium === 'social') return 'social';
  if (!referrer) return 'direct';
  let from: string;
  try {
    from = new URL(referrer).host;
  } catch {
    return 'direct';
  }
  if (from === host) return 'internal';
  if (SEARCH.test(from)) return 'search';
  if (SOCIAL.test(from)) return 'social';
  if (EMAIL.test(from)) return 'email';
  return 'referral';
};

/** Coarse device class from the pointer and the viewport width; never the user-agent string. */
export const deviceClass = (coarsePointer: boolean, width: number): 'desktop' | 'tablet' | 'mobile' =>
  !coarsePointer ? 'desktop' : width < 768 ? 'mobile' : 'tablet';
