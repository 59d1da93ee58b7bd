// The script-tag entry: reads data-* attributes, creates Attune, exposes one
// global `attune` (callable, for the pre-load snippet, and with methods), and
// replays calls queued before it loaded. Built as a minified IIFE.
import { createLogger, type SenderModule, type FormsModule } from '@attune/core';
import type { WidgetModule } from '@attune/widget';
import type { EngineModule } from './engine';
import type { VitalsModule } from './vitals';
import type { ConsentModule } from './consent-adapters';
import { createRuntime, type Attune } from './runtime';
import { configFromScript } from './script-config';

type Queued = ArrayLike<unknown>;
type Global = ((method: string, ...args: unknown[]) => unknown) & Partial<Attune> & { q?: Queued[] };

const w = window as unknown as { attune?: Global };
const log = createLogger();

try {
  const script = document.currentScript as HTMLScriptElement | null;
  const config = configFromScript(script, location.href, log.warn);
  const queued = w.attune?.q ?? [];
  if (!config || !script) {
    log.warn('no data-rules on the script tag; Attune is off');
  } else {
    // Rollup cannot split an IIFE, so the engine and the widget are separate ES modules next
    // to this script, fetched by native dynamic imports: the engine on the first sign of
    // struggle, the widget only when help is shown.
    const near = (file: string) => new URL(file, script.src).href;
    const api = createRuntime(config, {
      loadEngine: () => import(near('attune-engine.js')) as Promise<EngineModule>,
      loadWidget: () => import(near('attune-widget.js')) as Promise<WidgetModule>,
      loadSender: () => import(near('attune-send.js')) as Promise<SenderModule>,
      loadForms: () => import(near('attune-forms.js')) as Promise<FormsModule>,
      loadVitals: () => import(near('attune-vitals.js')) as Promise<VitalsModule>,
    });
    const call = (method: string, ...args: unknown[]) => {
      const fn = (api as unknown as Record<string, unknown>)[method];
      if (typeof fn === 'function' && method !== 'ready') return (fn as (...a: unknown[]) => unknown)(...args);
      log.warn(`attune('${method}') is not a method`);
      return undefined;
    };
    w.attune = Object.assign(call, api);
    // data-consent-mode="google" | "tcf": follow the consent tool the site runs (a small chunk,
    // fetched only by such sites). Leave data-consent pending with it.
    const mode = script.dataset.consentMode;
    if (mode === 'google' || mode === 'tcf') {
      (import(near('attune-consent.js')) as Promise<ConsentModule>).then(
        (m) => m.startConsentMode(mode, { set: api.setConsent }, window, log, Number(script.dataset.tcfVendorId) || undefined),
        (error: unknown) => log.warn('could not load the consent adapter', error),
      );
    }
    for (const args of queued) call(...(Array.from(args) as [string, ...unknown[]]));
  }
} catch (error) {
  log.warn('failed to start; the page is unaffected', error);
}
