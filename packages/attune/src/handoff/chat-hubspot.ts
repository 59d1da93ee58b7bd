interface HubSpotConversations {
  widget?: { open?: () => void };
}

/**
 * Opens HubSpot's chat widget: `window.HubSpotConversations.widget.open()`, as documented in the
 * Conversations SDK (https://developers.hubspot.com/docs/api-reference/conversations-chat-configuration/chat-widget-sdk).
 * The SDK has no documented way to prefill the visitor's message, so the context reaches the team
 * through the `handoff` event (the collector's webhook) instead.
 * Tested against a page-level stand-in with the documented global and its exact method path
 * (e2e/handoff-channels.spec.ts); the real widget cannot be loaded here.
 * `false` until `HubSpotConversations.widget.open` exists (the SDK is created after page load).
 */
export const openHubSpot = (win: Window): boolean => {
  const widget = (win as { HubSpotConversations?: HubSpotConversations }).HubSpotConversations?.widget;
  if (typeof widget?.open !== 'function') return false;
  widget.open();
  return true;
};
