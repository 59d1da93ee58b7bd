import type { Purpose } from '@attune/rules';
import type { ConsentGate } from '../pipe/consent';
import { createLogger, guard, type Logger } from '../safe';

/** A Google Consent Mode v2 consent type. */
export type GoogleConsentType =
  | 'analytics_storage'
  | 'ad_storage'
  | 'ad_user_data'
  | 'ad_personalization'
  | 'functionality_storage'
  | 'personalization_storage'
  | 'security_storage';

/** Google Consent Mode adapter options. */
export interface GoogleConsentModeOptions {
  /**
   * The consent types each purpose needs, all of them `granted`. A purpose is
   * denied as soon as one of its types is `denied`, and left as it is while
   * none of its types has been set. Default {@link GOOGLE_CONSENT_PURPOSES}.
   */
  purposes?: Partial<Record<Purpose, readonly GoogleConsentType[]>>;
  /** The data layer's name on `window` (default `dataLayer`, as gtag.js and GTM use). */
  dataLayer?: string;
  log?: Logger;
}

/**
 * The default mapping from Consent Mode types to Attune's purposes:
 * - `measurement` ← `analytics_storage`: friction signals, conversions and
 *   vitals are site analytics.
 * - `help` ← `functionality_storage`: a help card is a feature of the site,
 *   decided from on-device state.
 * - `profiling` ← `personalization_storage`: the one-question profile
 *   personalises the site's content. `ad_personalization` and `ad_user_data`
 *   govern advertising, which Attune never does, so they neither grant nor
 *   are needed for any purpose.
 */
export const GOOGLE_CONSENT_PURPOSES: Readonly<Record<Purpose, readonly GoogleConsentType[]>> = {
  measurement: ['analytics_storage'],
  help: ['functionality_storage'],
  profiling: ['personalization_storage'],
};

type Command = { readonly length: number; readonly [index: number]: unknown };
type DataLayer = unknown[] & { push(...items: unknown[]): number };

const isConsentCommand = (item: unknown): item is Command =>
  typeof item === 'object' &&
  item !== null &&
  typeof (item as Command).length === 'number' &&
  (item as Command)[0] === 'consent' &&
  ((item as Command)[1] === 'default' || (item as Command)[1] === 'update') &&
  typeof (item as Command)[2] === 'object' &&
  (item as Command)[2] !== null;

/**
 * Follows Google Consent Mode v2 through the page's data layer: the
 * `gtag('consent', 'default' | 'update', {...})` commands already pushed, then
 * every later one, and sets Attune's consent from them (see
 * {@link GOOGLE_CONSENT_PURPOSES}). As in gtag.js, a `default` never
 * overrides a type an `update` has set. Attune cannot know the visitor's
 * region, so a region-scoped `default` (with a `region` list) is applied only
 * where it denies: it can make consent stricter, never looser.
 *
 * It wraps `dataLayer.push` (creating the array, as the gtag snippet does,
 * when it is missing) and calls through to whatever `push` was there, so
 * Google's tags see every command unchanged. Returns a teardown that
 * restores `push` when no one has wrapped it since.
 *
 * @example
 * const stop = startGoogleConsentMode(consent, window);
 * // gtag('consent', 'update', { analytics_storage: 'granted' }) → measurement granted
 */
export const startGoogleConsentMode = (
  gate: Pick<ConsentGate, 'set'>,
  win: Window & typeof globalThis,
  options: GoogleConsentModeOptions = {},
): (() => void) => {
  const log = options.log ?? createLogger();
  const purposes = { ...GOOGLE_CONSENT_PURPOSES, ...options.purposes };
  const name = options.dataLayer ?? 'dataLayer';
  const types = new Map<string, 'granted' | 'denied'>();
  const updated = new Set<string>();
  let stopped = false;

  const read = (command: Command) => {
    const kind = command[1];
    const settings = command[2] as Record<string, unknown>;
    const regional = kind === 'default' && Array.isArray(settings.region) && settings.region.length > 0;
    for (const [type, value] of Object.entries(settings)) {
      if (value !== 'granted' && value !== 'denied') continue;
      if (kind === 'update') {
        types.set(type, value);
        updated.add(type);
      } else if (!updated.has(type) && (!regional || value === 'denied')) {
        types.set(type, value);
      }
    }
  };

  const apply = () => {
    const choice: Partial<Record<Purpose, boolean>> = {};
    for (const [purpose, needed] of Object.entries(purposes) as [Purpose, readonly GoogleConsentType[]][]) {
      const states = needed.map((type) => types.get(type));
      if (!needed.length || states.every((s) => s === undefined)) continue;
      if (states.includes('denied')) choice[purpose] = false;
      else if (states.every((s) => s === 'granted')) choice[purpose] = true;
    }
    if (Object.keys(choice).length) gate.set(choice);
  };

  const onPush = guard(log, (items: unknown[]) => {
    if (stopped) return;
    const commands = items.filter(isConsentCommand);
    if (!commands.length) return;
    for (const command of commands) read(command);
    apply();
  });

  const host = win as unknown as Record<string, unknown>;
  if (!Array.isArray(host[name])) host[name] = [];
  const layer = host[name] as DataLayer;
  const original = layer.push;
  const wrapped = function (this: unknown, ...items: unknown[]) {
    const length = original.apply(this, items);
    onPush(items);
    return length;
  };
  layer.push = wrapped;
  onPush([...layer]);

  return () => {
    stopped = true;
    if (layer.push === wrapped) layer.push = original;
  };
};
