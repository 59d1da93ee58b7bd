interface TawkApi {
  maximize?: () => void;
}

/**
 * Opens the Tawk.to chat window: `Tawk_API.maximize()`, as documented at
 * https://developer.tawk.to/jsapi/. Tawk's API has no documented way to prefill the visitor's
 * message, so the context reaches the team through the `handoff` event (the collector's webhook).
 * Tested against a page-level stand-in with the documented global and its exact method name
 * (e2e/handoff-channels.spec.ts); the real widget cannot be loaded here.
 * `false` until `Tawk_API.maximize` exists (the widget defines it once loaded).
 */
export const openTawk = (win: Window): boolean => {
  const tawk = (win as { Tawk_API?: TawkApi }).Tawk_API;
  if (typeof tawk?.maximize !== 'function') return false;
  tawk.maximize();
  return true;
};
