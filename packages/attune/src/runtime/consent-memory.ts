import { PURPOSES, type ConsentChoice } from '@attune/rules';
import type { ConsentGate, KeyValueStore } from '@attune/core';

// The visitor's consent choices, the one record kept without consent, so the next page starts from them.
const CONSENT_KEY = 'consent';
const CONSENT_MS = 182 * 86_400_000;

/** The visitor's consent choices, kept on the device apart from everything stored under consent. */
export interface ConsentMemory {
  /** Applies a saved choice younger than 182 days to the purposes this page has not chosen yet; deletes an older one. */
  _restore(): Promise<void>;
  /** Records a choice made on this page (it outranks the site's configured default) and keeps it. */
  _choose(choice: ConsentChoice): void;
  /** Keeps only the denials (what `forget()` leaves, so forgetting never restarts collection). */
  _keepDenials(): Promise<void>;
}

// The purposes a choice names, as booleans; anything else in it is ignored.
const pick = (choice: unknown): ConsentChoice => {
  const out: ConsentChoice = {};
  for (const purpose of PURPOSES) if (purpose in Object(choice)) out[purpose] = !!(choice as ConsentChoice)[purpose];
  return out;
};

/**
 * Creates the consent memory over its own store `kv` (the IndexedDB database `attune-consent`,
 * which wiping the rest never touches). Choices made through `setConsent` — on this page or
 * restored from an earlier one — outrank the site's configured default, so an opt-out holds on
 * the next page even where the site declares consent for everyone.
 */
export const createConsentMemory = (consent: ConsentGate, kv: KeyValueStore, now: () => number): ConsentMemory => {
  let chosen: ConsentChoice = {};
  const save = (choice: ConsentChoice) => (Object.keys(choice).length ? kv.set(CONSENT_KEY, { choice, at: now() }) : kv.del(CONSENT_KEY));
  return {
    async _restore() {
      const saved = await kv.get<{ choice?: Record<string, unknown>; at?: number }>(CONSENT_KEY);
      if (!saved) return;
      if (!(now() - Number(saved.at) < CONSENT_MS)) return kv.del(CONSENT_KEY);
      chosen = { ...pick(saved.choice), ...chosen };
      consent.set(chosen);
    },
    _choose(choice) {
      chosen = { ...chosen, ...pick(choice) };
      consent.set(chosen);
      void save(chosen);
    },
    _keepDenials: () => save(Object.fromEntries(Object.entries(chosen).filter(([, granted]) => !granted))),
  };
};
