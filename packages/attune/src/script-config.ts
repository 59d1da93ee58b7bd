import type { AttuneConfig } from './runtime';

/**
 * Whether a `data-signals` entry fits `SignalsConfig`: `ignoreUrls` a list of non-empty strings;
 * any other key a detector's name with `false` (off) or an object of non-negative numbers (its thresholds).
 */
const fits = ([key, v]: [string, unknown]): boolean =>
  key === 'ignoreUrls'
    ? Array.isArray(v) && v.every((u) => u && typeof u === 'string')
    : /^(rage|dead|error|form|abandon|dwell|exit|back|scroll|slow)$/.test(key) &&
      (v === false || (v?.constructor === Object && Object.values(v).every((n) => typeof n === 'number' && n >= 0)));

/**
 * Reads the configuration from the script tag's `data-*` attributes:
 * `data-rules`, `data-endpoint`, `data-site`, `data-consent` (`pending` | `granted` | `denied`),
 * `data-locale`, `data-stage`, `data-debug`, `data-headless`, `data-vitals` (sample rate, 0–1;
 * present and empty means every view), `data-signals` (`SignalsConfig` as JSON, such as
 * `{"dead":false,"rage":{"clicks":4},"ignoreUrls":["/api/poll"]}`; anything else is reported
 * once through `warn` and the signals keep their defaults). `data-consent-mode` is read by the script-tag entry. `?attune-debug` in the page URL
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
    debug: flag(data.debug) || new URL(pageUrl).searchParams.has('attune-debug'),
    headless: flag(data.headless),
    gpcAllowsMeasurement: flag(data.gpcAllowsMeasurement),
  };
  if (data.vitals !== undefined) config.vitals = Number(data.vitals || 1) || 0;
  if (data.signals !== undefined) {
    try {
      const signals = JSON.parse(data.signals);
      if (signals?.constructor !== Object || !Object.entries(signals).every(fits)) throw 0;
      config.signals = signals;
    } catch {
      warn('data-signals is not a valid signals config (JSON); using the defaults');
    }
  }
  for (const key of ['endpoint', 'site', 'locale', 'stage'] as const) if (data[key]) config[key] = data[key];
  return config;
};
