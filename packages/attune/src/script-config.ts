import type { AttuneConfig } from './runtime';

/**
 * Reads the configuration from the script tag's `data-*` attributes:
 * `data-rules`, `data-endpoint`, `data-site`, `data-consent` (`pending` | `granted` | `denied`),
 * `data-locale`, `data-stage`, `data-debug`, `data-headless`, `data-vitals` (sample rate, 0–1;
 * present and empty means every view). `data-consent-mode` is read by the script-tag entry. `?attune-debug` in the page URL
 * turns debug on too. Returns `null` without `data-rules`.
 */
export const configFromScript = (script: HTMLScriptElement | null, pageUrl: string): AttuneConfig | null => {
  const data = script?.dataset;
  if (!data?.rules) return null;
  const flag = (value: string | undefined) => value !== undefined && value !== 'false';
  const config: AttuneConfig = {
    rules: data.rules,
    consent: data.consent === 'granted' || data.consent === 'denied' ? data.consent : 'pending',
    debug: flag(data.debug) || new URL(pageUrl).searchParams.has('attune-debug'),
    headless: flag(data.headless),
    gpcAllowsMeasurement: flag(data.gpcAllowsMeasurement),
  };
  if (data.vitals !== undefined) config.vitals = Number(data.vitals || 1) || 0;
  for (const key of ['endpoint', 'site', 'locale', 'stage'] as const) if (data[key]) config[key] = data[key];
  return config;
};
