import type { ChatAdapterName, HandoffChannel, HandoffRoute } from '@attune/rules';
import { chatAvailable } from './chat-available';
import type { HandoffRecord } from './continuity-record';
import type { openChat } from './open-chat';

/** Why a handoff the visitor asked for did not reach its channel (a closed list, sent as `failure`). */
export type HandoffFailure = 'channel_missing' | 'channel_error' | 'no_callback' | 'popup_blocked' | 'unsafe_link';

/** What {@link openHandoff} needs from the page. */
export interface HandoffDeps {
  win: Window;
  /** The site's handoff callbacks: npm `onHandoff` and every `attune('on', 'handoff', fn)`. */
  callbacks(): readonly ((record: HandoffRecord) => void)[];
  /** Loads the chat adapters' chunk. */
  loadChat(): Promise<typeof openChat>;
}

const CHATS: readonly HandoffChannel[] = ['intercom', 'zendesk', 'hubspot', 'crisp', 'tawk', 'freshchat'];

/**
 * Whether a route's channel can work on this page now: its chat widget's global is there, or a
 * handoff callback is registered (link channels always can). The card shows the fallback instead
 * of a button when it cannot.
 *
 * @example channelReady({ channel: 'intercom' }, deps) // false on a page without Intercom
 */
export const channelReady = (route: HandoffRoute, deps: Pick<HandoffDeps, 'win' | 'callbacks'>): boolean =>
  CHATS.includes(route.channel)
    ? chatAvailable(deps.win, route.channel as ChatAdapterName)
    : route.channel === 'callback' || route.channel === 'chat'
      ? deps.callbacks().length > 0
      : true;

/**
 * Hands off through the route's channel: opens the filled link (a `url` or `link` in a new tab
 * unless `target` is `self`; `mailto:` and `tel:` in place, where the browser hands them to an app), opens the chat widget with the summary, or calls the
 * site's callbacks with the record. Links open before anything is awaited, inside the click, so
 * the browser allows the new tab. Resolves to `null` when the channel took it, or why not.
 *
 * @example const failure = await openHandoff(route, record, { win: window, callbacks: () => [onHandoff], loadChat });
 */
export const openHandoff = async (route: HandoffRoute, record: HandoffRecord, deps: HandoffDeps): Promise<HandoffFailure | null> => {
  const { win } = deps;
  const channel = route.channel;
  if (channel === 'callback' || channel === 'chat') {
    const callbacks = deps.callbacks();
    if (!callbacks.length) return 'no_callback';
    let accepted = 0;
    for (const callback of callbacks) {
      try {
        callback(record);
        accepted++;
      } catch {
        // One site callback failing leaves the others to take the handoff.
      }
    }
    return accepted ? null : 'channel_error';
  }
  if (CHATS.includes(channel)) {
    if (!chatAvailable(win, channel as ChatAdapterName)) return 'channel_missing';
    try {
      const open = await deps.loadChat();
      return open(win, channel as ChatAdapterName, record.summary) ? null : 'channel_missing';
    } catch {
      return 'channel_error';
    }
  }
  const href = record.href;
  if (!href) return 'unsafe_link';
  const inPlace = route.target === 'self' || !(route.channel === 'url' || route.channel === 'link');
  if (!inPlace) {
    // `noopener` makes window.open return null even on success, hiding a blocked tab: cut the
    // opener by hand instead, before the new page's own scripts can run.
    const tab = win.open(href, '_blank');
    if (!tab) return 'popup_blocked';
    tab.opener = null;
    return null;
  }
  win.location.assign(href);
  return null;
};
