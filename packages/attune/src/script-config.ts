import type { AttuneConfig } from './runtime';

/**
 * Reads the configuration from the script tag's `data-*` attributes:
 * `data-rules`, `data-endpoint`, `data-site`, `data-consent` (`pending` | `granted` | `denied`),
 * `data-locale`, `data-stage`, `data-debug`, `data-headless`. `?attune-debug` in the page URL
 * turns debug on too. Returns `null` without `data-rules`.
 */
export const configFromScript = (script: HTMLScriptElement | null, pageUrl: string): AttuneConfig | null => {
  const data = script?.dataset;
  if (!data?.rules) return null;
  const consent = data.consent === 'granted' || data.consent === 'denied' ? data.consent : 'pending';
  const flag = (value: string | undefined) => value !== undefined && value !== 'false';
  return {
    rules: data.rules,
    consent,
    debug: flag(data.debug) || new URL(pageUrl).searchParams.has('attune-debug'),
    headless: flag(data.headless),
    gpcAllowsMeasurement: flag(data.gpcAllowsMeasurement),
    ...(data.endpoint ? { endpoint: data.endpoint } : {}),
    ...(data.site ? { site: data.site } : {}),
    ...(data.locale ? { locale: data.locale } : {}),
    ...(data.stage ? { stage: data.stage } : {}),
  };
};
