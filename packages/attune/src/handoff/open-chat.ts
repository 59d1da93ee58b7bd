import type { ChatAdapterName } from '@attune/rules';
import { openCrisp } from './chat-crisp';
import { openFreshchat } from './chat-freshchat';
import { openHubSpot } from './chat-hubspot';
import { openIntercom } from './chat-intercom';
import { openTawk } from './chat-tawk';
import { openZendesk } from './chat-zendesk';

/**
 * Opens the named chat widget with the handoff's summary where its API allows a prefill
 * (Intercom, Crisp, Freshchat). `false` when its global is
 * missing; an error from the vendor's code is thrown to the caller.
 *
 * @example openChat(window, 'intercom', record.summary)
 */
export const openChat = (win: Window, channel: ChatAdapterName, text: string): boolean => {
  if (channel === 'intercom') return openIntercom(win, text);
  if (channel === 'zendesk') return openZendesk(win);
  if (channel === 'hubspot') return openHubSpot(win);
  if (channel === 'crisp') return openCrisp(win, text);
  if (channel === 'tawk') return openTawk(win);
  return openFreshchat(win, text);
};
