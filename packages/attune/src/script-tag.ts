// The script-tag entry: reads data-* attributes, creates Attune, exposes one
// global `attune` (callable, for the pre-load snippet, and with methods), and
// replays calls queued before it loaded. Built as a minified IIFE.
import { createLogger, type SenderModule, type FormsModule } from '@attune/core';
import type { WidgetModule } from '@attune/widget';
import type { EngineModule } from './engine';
import type { VitalsModule } from './vitals';
import type { ConsentModule } from './consent-adapters';
import { createRuntime, METHODS, type Attune } from './runtime';
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
    const load = (chunk: string) => import(new URL(`attune-${chunk}.js`, script.src).href);
    const api = createRuntime(config, {
      loadEngine: () => load('engine') as Promise<EngineModule>,
      loadWidget: () => load('widget') as Promise<WidgetModule>,
      loadSender: () => load('send') as Promise<SenderModule>,
      loadForms: () => load('forms') as Promise<FormsModule>,
      loadVitals: () => load('vitals') as Promise<VitalsModule>,
    });
    const call = (method: string, ...args: unknown[]) =>
      (METHODS as readonly string[]).includes(method)
        ? (api[method as (typeof METHODS)[number]] as (...a: unknown[]) => unknown)(...args)
        : log.warn(`attune('${method}') is not a method`);
    w.attune = Object.assign(call, api);
    // data-consent-mode="google" | "tcf": follow the consent tool the site runs (a small chunk,
    // fetched only by such sites). Leave data-consent pending with it.
    const mode = script.dataset.consentMode;
    if (mode === 'google' || mode === 'tcf') {
      (load('consent') as Promise<ConsentModule>).then(
        (m) => m.startConsentMode(mode, { set: api.setConsent }, window, log, Number(script.dataset.tcfVendorId) || undefined),
        (error: unknown) => log.warn('could not load the consent adapter', error),
      );
    }
    for (const args of queued) call(...(Array.from(args) as [string, ...unknown[]]));
  }
} catch (error) {
  log.warn('failed to start; the page is unaffected', error);
}
