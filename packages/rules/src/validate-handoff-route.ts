import type { IssueReport } from './issue-report';
import { childPath } from './json-path';
import { checkKeys, isObject, own, readText, type JsonObject } from './read-fields';
import { isSafeHref } from './safe-href';
import type { ChatAdapterName, HandoffChannel, HandoffFallback, HandoffRoute } from './types';

/** The chat widgets a handoff can open. */
export const CHAT_ADAPTERS: readonly ChatAdapterName[] = ['intercom', 'zendesk', 'hubspot', 'crisp', 'tawk', 'freshchat'];
/** Every channel a handoff route may name. */
export const HANDOFF_CHANNELS: readonly HandoffChannel[] = [
  'url',
  'mailto',
  'email',
  'phone',
  'link',
  'chat',
  'callback',
  ...CHAT_ADAPTERS,
];
/** The keys a route adds to the object it is written in. */
export const ROUTE_KEYS = ['channel', 'href', 'target', 'fallback', 'next'] as const;

const LINK_CHANNELS: readonly HandoffChannel[] = ['url', 'mailto', 'email', 'phone', 'link'];
const TARGETS = ['self', 'new_tab'];
const TEXT = { label: 80, next: 200 };

/**
 * Whether a channel depends on something the page may lack (a chat widget's global, a registered
 * callback), so a route on it needs a `fallback`.
 *
 * @example needsFallback('intercom') // true
 */
export const needsFallback = (channel: HandoffChannel): boolean => !LINK_CHANNELS.includes(channel);

function readFallback(object: JsonObject, path: string, report: IssueReport): HandoffFallback | null | undefined {
  const value = own(object, 'fallback');
  if (value === undefined) return undefined;
  const at = childPath(path, 'fallback');
  if (!isObject(value)) {
    report.error(at, 'bad_fallback');
    return null;
  }
  let ok = checkKeys(value, ['href', 'label'], at, report, 'a fallback');
  const href = own(value, 'href');
  if (href === undefined) {
    report.error(at, 'bad_fallback');
    ok = false;
  } else if (!isSafeHref(href)) {
    report.error(childPath(at, 'href'), 'unsafe_href');
    ok = false;
  }
  const label = readText(value, 'label', at, report, { max: TEXT.label });
  if (!ok || label === null) return null;
  return label ? { href: href as string, label } : { href: href as string };
}

/**
 * Reads the route keys (`channel`, `href`, `target`, `fallback`, `next`) of a handoff action or of
 * a help card's `handoff` object, without checking other keys. `null` after reporting: an unknown
 * channel, a link channel without a safe `href`, a `mailto` href of another scheme, a `target` on a
 * channel that opens no link, or a bad fallback. Warns (`handoff_without_fallback`) when a chat or
 * callback channel has no fallback.
 *
 * @example readHandoffRoute({ channel: 'crisp', fallback: { href: 'mailto:help@example.com' } }, '$.rules[0].show', report)
 */
export function readHandoffRoute(object: JsonObject, path: string, report: IssueReport): HandoffRoute | null {
  let ok = true;
  const channel = own(object, 'channel');
  const known = typeof channel === 'string' && HANDOFF_CHANNELS.includes(channel as HandoffChannel);
  if (!known) {
    report.error(childPath(path, 'channel'), 'not_one_of', {
      key: 'channel',
      values: HANDOFF_CHANNELS.join(', '),
      near: typeof channel === 'string' ? report.near(channel, HANDOFF_CHANNELS) : '',
    });
    ok = false;
  }
  const route = { channel } as HandoffRoute;
  const href = own(object, 'href');
  if (href !== undefined) {
    if (!isSafeHref(href)) {
      report.error(childPath(path, 'href'), 'unsafe_href');
      ok = false;
    } else if (channel === 'mailto' && !/^mailto:/i.test(href as string)) {
      report.error(childPath(path, 'href'), 'mailto_href');
      ok = false;
    } else route.href = href as string;
  } else if (known && LINK_CHANNELS.includes(channel as HandoffChannel)) {
    report.error(childPath(path, 'href'), 'handoff_without_href', { channel: channel as string });
    ok = false;
  }
  const target = own(object, 'target');
  if (target !== undefined) {
    if (!TARGETS.includes(target as string)) {
      report.error(childPath(path, 'target'), 'not_one_of', { key: 'target', values: TARGETS.join(', '), near: '' });
      ok = false;
    } else if (channel !== 'url' && channel !== 'link') {
      report.error(childPath(path, 'target'), 'target_not_for_channel');
      ok = false;
    } else route.target = target as HandoffRoute['target'];
  }
  const fallback = readFallback(object, path, report);
  if (fallback === null) ok = false;
  else if (fallback) route.fallback = fallback;
  else if (known && needsFallback(channel as HandoffChannel))
    report.warn(childPath(path, 'channel'), 'handoff_without_fallback', { channel: channel as string });
  const next = readText(object, 'next', path, report, { max: TEXT.next });
  if (next === null) ok = false;
  else if (next) route.next = next;
  return ok ? route : null;
}

/**
 * Reads a help card's `handoff`: `true`/`false`, or a route object (see {@link readHandoffRoute}).
 * `null` after reporting.
 *
 * @example readHelpHandoff({ channel: 'url', href: '/contact', target: 'new_tab' }, '$.rules[0].show.handoff', report)
 */
export function readHelpHandoff(value: unknown, path: string, report: IssueReport): boolean | HandoffRoute | null {
  if (typeof value === 'boolean') return value;
  if (!isObject(value)) {
    report.error(path, 'bad_handoff_route');
    return null;
  }
  const keysOk = checkKeys(value, ROUTE_KEYS, path, report, 'a handoff route');
  const route = readHandoffRoute(value, path, report);
  return keysOk ? route : null;
}
