import type { History, PageView } from '@attune/rules';
import type { KeyValueStore } from '@attune/core';

const HISTORY_KEY = 'history';
const PROFILE_KEY = 'profile';
const VIEWS_KEY = 'views';
const RETENTION_MS = 30 * 86_400_000;
const VIEWS_RETENTION_MS = 30 * 86_400_000;
/** Page views kept, newest last: as many as the highest `atLeast` a `views` condition may ask for. */
const VIEWS_MAX = 50;

/** The visitor's answers to profiling questions, by field. */
export type Profile = Record<string, string | string[]>;

/**
 * What the engine remembers about the visitor, in memory and (under consent) in storage: the
 * fatigue history (shown and dismissed help), the answers, and the page views `views` rules count.
 */
export interface Ledger {
  history: History;
  profile: Profile;
  views: PageView[];
  /** Keeps the history, its entries older than 30 days dropped ("never" dismissals stay). */
  saveHistory(): void;
  /** Keeps one answer. */
  answer(field: string, value: string | string[]): void;
  /** Remembers a page view (its templated path) with the ones before it: the newest 50, none older than 30 days. */
  view(path: string): void;
  /** Forgets what is held in memory (the runtime wipes storage). */
  forget(): void;
}

/** Loads the ledger from `storage`; `countsViews` says whether page views are kept at all. */
export const loadLedger = async (
  storage: KeyValueStore,
  now: () => number,
  sessionStart: number | undefined,
  countsViews: boolean,
): Promise<Ledger> => {
  const saved = await storage.get<History>(HISTORY_KEY);
  const savedViews = countsViews && (await storage.get<PageView[]>(VIEWS_KEY));
  const ledger: Ledger = {
    history: { shown: saved?.shown ?? [], dismissed: saved?.dismissed ?? [], sessionStart, visible: null },
    profile: (await storage.get<Profile>(PROFILE_KEY)) ?? {},
    views: Array.isArray(savedViews) ? savedViews : [],
    saveHistory() {
      const cutoff = now() - RETENTION_MS;
      const { shown, dismissed } = ledger.history;
      ledger.history = {
        ...ledger.history,
        shown: shown.filter((e) => e.at > cutoff),
        dismissed: dismissed.filter((e) => e.at > cutoff || e.kind === 'never'),
      };
      void storage.set(HISTORY_KEY, { shown: ledger.history.shown, dismissed: ledger.history.dismissed });
    },
    answer(field, value) {
      ledger.profile = { ...ledger.profile, [field]: value };
      void storage.set(PROFILE_KEY, ledger.profile);
    },
    view(path) {
      if (!countsViews) return;
      const at = now();
      ledger.views = [...ledger.views.filter((v) => v?.at > at - VIEWS_RETENTION_MS), { path, at }].slice(-VIEWS_MAX);
      void storage.set(VIEWS_KEY, ledger.views);
    },
    forget() {
      ledger.history = { shown: [], dismissed: [], sessionStart: now(), visible: ledger.history.visible };
      ledger.profile = {};
      ledger.views = [];
    },
  };
  return ledger;
};
