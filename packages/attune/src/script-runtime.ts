// The script tag's runtime: reads the script tag's data-* attributes and starts Attune. The chunks
// (the engine, the widget, the sender, the form detectors, web vitals, consent adapters) are
// separate ES modules next to the script, fetched by native dynamic imports, each only when needed
// (Rollup cannot split an IIFE).
import { atom } from 'nanostores';
import { createLogger, type SenderModule } from '@attune/core';
import type { WidgetModule } from '@attune/widget';
import type { ActiveHelp, EngineModule, FormsChunk, Started } from './api';
import type { VitalsModule } from './vitals';
import type { ConsentModule } from './chunks/consent';
import type { HandoffModule } from './chunks/handoff';
import { configFromScript } from './script-config';
import { startRuntime } from './start';

/**
 * Starts Attune from the script tag's data-* attributes, gives the global `attune` the runtime's
 * `$help`, and returns the runtime. Only called when data-rules is there.
 */
export const startFromScript = (script: HTMLScriptElement, global: object, warn: (message: string) => void): Started => {
  const config = configFromScript(script, location.href, warn)!;
  const log = createLogger(!!config.debug);
  const load = (chunk: string) => import(new URL(`attune-${chunk}.js`, script.src).href);
  const $help = atom<ActiveHelp | null>(null);
  const api = startRuntime(
    config,
    {
      loadEngine: () => load('engine') as Promise<EngineModule>,
      loadWidget: () => load('widget') as Promise<WidgetModule>,
      loadSender: () => load('send') as Promise<SenderModule>,
      loadForms: () => load('forms') as Promise<FormsChunk>,
      loadVitals: () => load('vitals') as Promise<VitalsModule>,
      loadHandoff: () => load('handoff') as Promise<HandoffModule>,
    },
    window,
    log,
    $help,
  );
  Object.assign(global, { $help });
  // data-consent-mode="google" | "tcf": follow the consent tool the site runs (a small chunk,
  // fetched only by such sites). Leave data-consent pending with it.
  const mode = script.dataset.consentMode;
  if (mode === 'google' || mode === 'tcf') {
    (load('consent') as Promise<ConsentModule>).then(
      (m) => m.startConsentMode(mode, { set: api.setConsent }, window, log, Number(script.dataset.tcfVendorId) || undefined),
      (error: unknown) => log.warn('could not load the consent adapter', error),
    );
  }
  return api;
};
