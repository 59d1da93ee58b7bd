type IntercomFn = (method: string, ...args: unknown[]) => void;

/**
 * Opens Intercom's Messenger on a new conversation with the visitor's message prefilled:
 * `Intercom('showNewMessage', text)`, as documented at
 * https://developers.intercom.com/installing-intercom/web/methods (the `Intercom` global the
 * site's snippet defines; calls made before it boots are queued by that snippet).
 * Tested against a page-level stand-in with the documented global and its exact method name and
 * argument shape (e2e/handoff-channels.spec.ts); the real widget cannot be loaded here.
 * `false` when the page has no `Intercom` function.
 */
export const openIntercom = (win: Window, text: string): boolean => {
  const intercom = (win as { Intercom?: IntercomFn }).Intercom;
  if (typeof intercom !== 'function') return false;
  intercom('showNewMessage', text);
  return true;
};
