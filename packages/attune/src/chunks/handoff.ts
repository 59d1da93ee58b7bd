// The chat adapters' chunk (attune-handoff.js), fetched only when a visitor's handoff opens a chat
// widget, so no page pays for the six adapters before that.
import { openChat } from '../handoff/open-chat';

export { openChat };

/** The handoff chunk's entry, as the engine sees it. */
export interface HandoffModule {
  openChat: typeof openChat;
}
