// The consent-adapter chunk for the script tag (`data-consent-mode`): loaded only on sites
// that ask for it, so nobody else pays for it. npm apps use the adapters from @attune/core
// directly: `startTcfConsent({ set: attune.setConsent }, window)`.
import { startGoogleConsentMode, startTcfConsent, type ConsentGate, type Logger } from '@attune/core';

/** Consent tools the script tag can follow. */
export type ConsentMode = 'google' | 'tcf';

/** The chunk's entry, as the runtime sees it. */
export interface ConsentModule {
  startConsentMode(
    mode: ConsentMode,
    gate: Pick<ConsentGate, 'set'>,
    win: Window & typeof globalThis,
    log: Logger,
    vendorId?: number,
  ): () => void;
}

/**
 * Starts following Google Consent Mode v2 (`gtag('consent', …)` on the data layer) or an
 * IAB TCF v2.2 CMP (`__tcfapi`), mapping their choices to Attune's purposes; returns the stop.
 */
export const startConsentMode: ConsentModule['startConsentMode'] = (mode, gate, win, log, vendorId) =>
  mode === 'tcf' ? startTcfConsent(gate, win, { log, ...(vendorId ? { vendorId } : {}) }) : startGoogleConsentMode(gate, win, { log });
