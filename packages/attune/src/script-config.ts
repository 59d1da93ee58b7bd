import type { AttuneConfig } from './api';

/**
 * Reads `data-signals` leaf by leaf: thresholds are non-negative numbers, `false` switches a
 * detector off, strings appear only inside a list (`ignoreUrls`). Anything else throws.
 */
const leaf = (key: string, value: unknown): unknown => {
  if (value === false || (typeof value === 'number' && value >= 0) || (value && (typeof value === 'object' || +key >= 0))) return value;
  throw 0;
};

/**
 * Reads the configuration from the script tag's `data-*` attributes:
 * `data-rules`, `data-endpoint`, `data-site`, `data-consent` (`pending` | `granted` | `denied`),
 * `data-locale`, `data-stage`, `data-debug`, `data-headless`, `data-vitals` (sample rate, 0–1;
 * present and empty means every view), `data-signals` (`SignalsConfig` as JSON, such as
 * `{"dead":false,"rage":{"clicks":4},"ignoreUrls":["/api/poll"]}`; anything else is reported
 * once through `warn` and the signals keep their defaults). `data-consent-mode="strict"` sets `strictConsent` (`google` and `tcf` are read by the script-tag entry); `data-help-as-service` sets `helpAsService`. `?attune-debug` in the page URL
 * turns debug on too. Returns `null` without `data-rules`.
 */
export const configFromScript = (
  script: HTMLScriptElement | null,
  pageUrl: string,
  warn: (message: string) => void = () => {},
): AttuneConfig | null => {
  const data = script?.dataset;
  if (!data?.rules) return null;
  const flag = (value: string | undefined) => value !== undefined && value !== 'false';
  const config: AttuneConfig = {
    rules: data.rules,
    consent: data.consent === 'granted' || data.consent === 'denied' ? data.consent : 'pending',
    debug: flag(data.debug) || /[?&]attune-debug(?:[=&#]|$)/.test(pageUrl),
    headless: flag(data.headless),
    gpcAllowsMeasurement: flag(data.gpcAllowsMeasurement),
    helpAsService: flag(data.helpAsService),
    strictConsent: data.consentMode === 'strict',
  };
  if (data.vitals !== undefined) config.vitals = Number(data.vitals || 1) || 0;
  if (data.signals !== undefined) {
    try {
      const signals = JSON.parse(data.signals, leaf);
      if (signals?.constructor !== Object || (signals.ignoreUrls && !Array.isArray(signals.ignoreUrls))) throw 0;
      config.signals = signals;
    } catch {
      warn('data-signals ignored: not a valid signals config');
    }
  }
  for (const key of ['endpoint', 'site', 'locale', 'stage'] as const) if (data[key]) config[key] = data[key];
  return config;
};
