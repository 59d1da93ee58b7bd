interface CrispQueue {
  push(command: unknown[]): unknown;
}

/**
 * Opens the Crisp chatbox with the visitor's message prefilled, through the `$crisp` queue as
 * documented at https://docs.crisp.chat/guides/chatbox-sdks/web-sdk/dollar-crisp/:
 * `$crisp.push(['set', 'message:text', [text]])` then `$crisp.push(['do', 'chat:open'])` (both
 * async-safe: queued until the chatbox loads).
 * Tested against a page-level stand-in with the documented global and its exact command shapes
 * (e2e/handoff-channels.spec.ts); the real chatbox cannot be loaded here.
 * `false` when the page has no `$crisp` queue.
 */
export const openCrisp = (win: Window, text: string): boolean => {
  const crisp = (win as { $crisp?: CrispQueue }).$crisp;
  if (typeof crisp?.push !== 'function') return false;
  crisp.push(['set', 'message:text', [text]]);
  crisp.push(['do', 'chat:open']);
  return true;
};
