import { atom, type WritableAtom } from 'nanostores';
import { PURPOSES, type ConsentState, type Purpose } from '@attune/rules';

/** Consent per purpose. */
export type ConsentMap = Record<Purpose, ConsentState>;

/** The consent gate: one store of per-purpose states that the pipe and storage obey. */
export interface ConsentGate {
  $consent: WritableAtom<ConsentMap>;
  /** Grants (`true`) or denies (`false`) the named purposes; others keep their state. */
  set(choice: Partial<Record<Purpose, boolean>>): void;
  /** Whether events for `purpose` may be sent now. */
  allows(purpose: Purpose): boolean;
}

/** Consent-gate options. */
export interface ConsentOptions {
  /** Starting state for every purpose: `pending` (the default) or `granted` when the site already holds consent. */
  initial?: ConsentState;
  /** `navigator.globalPrivacyControl`: when true, profiling is denied, and measurement too unless `gpcAllowsMeasurement`. */
  gpc?: boolean;
  gpcAllowsMeasurement?: boolean;
}

/**
 * Creates the consent gate. Defaults to pending: nothing is sent, nothing but
 * consent state is stored. Global Privacy Control denies profiling and, unless
 * the site opts out of that, measurement; a later `set()` cannot override GPC.
 */
export const createConsent = (options: ConsentOptions = {}): ConsentGate => {
  const initial = options.initial ?? 'pending';
  const blocked = new Set<Purpose>(options.gpc ? (options.gpcAllowsMeasurement ? ['profiling'] : ['profiling', 'measurement']) : []);
  const start = (purpose: Purpose): ConsentState => (blocked.has(purpose) ? 'denied' : initial);
  const $consent = atom(Object.fromEntries(PURPOSES.map((purpose) => [purpose, start(purpose)])) as ConsentMap);
  return {
    $consent,
    set(choice) {
      const next = { ...$consent.get() };
      for (const [purpose, granted] of Object.entries(choice) as [Purpose, boolean][]) {
        if (purpose in next) next[purpose] = granted && !blocked.has(purpose) ? 'granted' : 'denied';
      }
      $consent.set(next);
    },
    allows: (purpose) => $consent.get()[purpose] === 'granted',
  };
};
