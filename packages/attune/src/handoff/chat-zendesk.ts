type ZendeskFn = (scope: string, command: string, ...args: unknown[]) => void;

/**
 * Opens Zendesk's messaging Web Widget: `zE('messenger', 'open')`, as documented at
 * https://developer.zendesk.com/api-reference/widget-messaging/web/core/. The messaging API has
 * no documented way to prefill the visitor's message, so the context reaches the team through the
 * `handoff` event (the collector's webhook) instead.
 * Tested against a page-level stand-in with the documented `zE` global and its exact arguments
 * (e2e/handoff-channels.spec.ts); the real widget cannot be loaded here.
 * `false` when the page has no `zE` function.
 */
export const openZendesk = (win: Window): boolean => {
  const zE = (win as { zE?: ZendeskFn }).zE;
  if (typeof zE !== 'function') return false;
  zE('messenger', 'open');
  return true;
};
