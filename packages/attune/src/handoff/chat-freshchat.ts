interface FreshchatWidget {
  open?: (options?: { replyText?: string }) => void;
}

/**
 * Opens Freshchat's web messenger with the visitor's message prefilled:
 * `window.fcWidget.open({ replyText: text })` (the Web Messenger API: `replyText` sets the text in
 * the message box). Tested against a page-level stand-in with the documented global and its exact
 * method name and argument shape (e2e/handoff-channels.spec.ts); the real widget cannot be loaded here.
 * `false` when the page has no `fcWidget.open`.
 */
export const openFreshchat = (win: Window, text: string): boolean => {
  const widget = (win as { fcWidget?: FreshchatWidget }).fcWidget;
  if (typeof widget?.open !== 'function') return false;
  widget.open({ replyText: text });
  return true;
};
