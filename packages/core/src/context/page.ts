import type { Facts, ReferrerClass } from '@attune/rules';

/** Query keys kept by default; every other key is dropped on the device. */
export const DEFAULT_QUERY_ALLOWLIST: readonly string[] = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'];

// Path segments that identify a record (order numbers, UUIDs, long hex tokens) become `:id`:
// they say nothing about friction and may identify a person.
const ID_SEGMENT =
  /^(?:\d{5,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{16,}|[\w-]*\d{6,}[\w-]*|[^/]*@[^/]*)$/i;

// Mailing tools put the subscriber's address or phone number in utm values: such a value is
// dropped on the device (the collector would refuse the whole batch for it).
const PERSONAL_VALUE = /@|(?:\d[\s().-]?){9,}/;

/** The page path with record ids templated: `/orders/123456/edit` → `/orders/:id/edit`. */
export const templatePath = (path: string): string =>
  path
    .split('/')
    .map((segment) => (ID_SEGMENT.test(decodeURIComponentSafe(segment)) ? ':id' : segment))
    .join('/');

const decodeURIComponentSafe = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** The page as Attune may know it: the templated path and the allowlisted query values only. */
export const pageFacts = (url: string, referrer: string, allow: readonly string[] = DEFAULT_QUERY_ALLOWLIST): Facts['page'] => {
  const here = new URL(url);
  const utm: Record<string, string> = {};
  for (const key of allow) {
    const value = here.searchParams.get(key);
    if (value && !PERSONAL_VALUE.test(value)) utm[key] = value.slice(0, 100);
  }
  return {
    path: templatePath(here.pathname).slice(0, 512),
    referrer: referrerClass(referrer, here.host, utm),
    ...(Object.keys(utm).length ? { utm } : {}),
  };
};

const SEARCH = /(^|\.)(google|bing|duckduckgo|yahoo|baidu|yandex|ecosia|startpage|qwant|kagi)\./;
const SOCIAL =
  /(^|\.)(facebook|fb|instagram|linkedin|lnkd|twitter|x|t|reddit|youtube|tiktok|pinterest|mastodon|threads|bsky)\.(com|co|social|net|in|app)$/;

/** Classifies a referrer coarsely; the referrer URL itself is never kept. */
export const referrerClass = (referrer: string, host: string, utm: Readonly<Record<string, string>> = {}): ReferrerClass => {
  const medium = (utm.utm_medium ?? '').toLowerCase();
  if (/^(cpc|ppc|paid|paidsearch|display|cpm)/.test(medium)) return 'paid';
  // Webmail sends no useful referrer; email traffic is known by its utm_medium.
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
  return 'referral';
};

/** Coarse device class from the pointer and the viewport width; never the user-agent string. */
export const deviceClass = (coarsePointer: boolean, width: number): 'desktop' | 'tablet' | 'mobile' =>
  !coarsePointer ? 'desktop' : width < 768 ? 'mobile' : 'tablet';
