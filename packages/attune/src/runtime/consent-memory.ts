import { PURPOSES, type ConsentChoice } from '@attune/rules';
import type { ConsentGate, KeyValueStore, Logger } from '@attune/core';

// The visitor's own choices (consent and refusals of help), the one record kept without consent,
// so the next page starts from them.
const CONSENT_KEY = 'consent';
const CONSENT_MS = 182 * 86_400_000;

/** Help the visitor refused: rules whose kind of tip they asked never to see again, or every tip. */
export interface Refusals {
  /** Ids of rules refused with "Don't show tips like this". */
  never: string[];
  /** "No tips at all". */
  all: boolean;
}

/** What is kept, in the IndexedDB database `attune-consent` (key `consent`). */
interface Saved {
  choice?: Record<string, unknown>;
  never?: unknown;
  all?: unknown;
  at?: number;
}

/**
 * The visitor's choices, in one home: consent per purpose and the help they refused. Kept on the
 * device apart from everything stored under consent, for 182 days from the last choice, even
 * when nothing else may be stored; `forget()` keeps the denials and the refusals.
 */
export interface ConsentMemory {
  /** Applies a saved record younger than 182 days (its choices to the purposes this page has not chosen yet); deletes an older one. */
  _restore(): Promise<void>;
  /**
   * Records a choice made on this page (it outranks the site's configured default) and keeps it.
   * Anything but an object of known purposes with `true` or `false` is ignored with one warning.
   */
  _choose(choice: unknown): void;
  /** Keeps a refusal: a rule's id ("Don't show tips like this") or `null` ("No tips at all"). */
  _refuse(rule: string | null): void;
  _refusals: Refusals;
  /** Keeps only the denials and the refusals (what `forget()` leaves, so forgetting never restarts collection or help). */
  _keepDenials(): Promise<void>;
}

/** Creates the consent memory over its own store `kv`, which wiping the rest never touches. */
export const createConsentMemory = (consent: ConsentGate, kv: KeyValueStore, now: () => number, log: Logger): ConsentMemory => {
  let chosen: ConsentChoice = {};
  let restored: Promise<void> | undefined;
  // Every save first reads what an earlier page kept, so a choice made before that read never drops a refusal.
  const save = async (denialsOnly?: boolean) => {
    await memory._restore();
    const choice = Object.fromEntries(Object.entries(chosen).filter(([, granted]) => !(denialsOnly && granted)));
    const { never, all } = memory._refusals;
    return Object.keys(choice).length || never.length || all ? kv.set(CONSENT_KEY, { choice, never, all, at: now() }) : kv.del(CONSENT_KEY);
  };
  const memory: ConsentMemory = {
    _refusals: { never: [], all: false },
    _restore: () =>
      (restored ??= kv.get<Saved>(CONSENT_KEY).then((saved) => {
        if (!saved) return;
        if (!(now() - Number(saved.at) < CONSENT_MS)) return kv.del(CONSENT_KEY);
        const choice: ConsentChoice = {};
        for (const purpose of PURPOSES)
          if (typeof saved.choice?.[purpose] === 'boolean') choice[purpose] = saved.choice[purpose] as boolean;
        chosen = { ...choice, ...chosen };
        const { never, all } = memory._refusals;
        memory._refusals = {
          never: [...new Set([...never, ...(Array.isArray(saved.never) ? saved.never.filter((id) => typeof id === 'string') : [])])],
          all: all || saved.all === true,
        };
        consent.set(chosen);
      })),
    _choose(choice) {
      const entries = Object.entries(Object(choice));
      if (
        !choice ||
        typeof choice !== 'object' ||
        entries.some(([key, value]) => !PURPOSES.includes(key as never) || typeof value !== 'boolean')
      )
        return log.warn(`setConsent ignored: it takes { ${PURPOSES} } as true or false`);
      chosen = { ...chosen, ...(choice as ConsentChoice) };
      consent.set(chosen);
      void save();
    },
    _refuse(rule) {
      const { never, all } = memory._refusals;
      memory._refusals = rule === null ? { never, all: true } : { never: never.includes(rule) ? never : [...never, rule], all };
      void save();
    },
    _keepDenials: () => save(true),
  };
  return memory;
};
