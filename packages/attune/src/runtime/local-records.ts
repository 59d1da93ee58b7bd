import type { ConsentGate, ConsentStore } from '@attune/core';
import type { ConsentMemory } from './consent-memory';

/** What Attune keeps on the device under consent, and the tab's session store detectors may use. */
export interface LocalRecords {
  /** Wipes the IndexedDB records and the tab's `attune:` sessionStorage keys; of the consent record only the denials survive. */
  _wipe(): Promise<void>;
  /** The tab's sessionStorage (the back-and-forth trail), only while measurement is granted. */
  _session: { get(key: string): string | null; set(key: string, value: string): void };
  stop(): void;
}

/**
 * Keeps storage to what consent allows: nothing but consent state is stored before consent for
 * some purpose, and once every purpose is denied (a revoke, `optOut()`, GPC with the rest
 * refused) what was stored under consent goes too.
 */
export const createLocalRecords = (win: Window, consent: ConsentGate, storage: ConsentStore, memory: ConsentMemory): LocalRecords => {
  // The tab's sessionStorage, where blocked storage throws: then nothing is kept there.
  const tab = <T>(fn: (s: Storage) => T): T | null => {
    try {
      return fn(win.sessionStorage);
    } catch {
      return null;
    }
  };
  const measured = () => consent.allows('measurement');
  const records = {
    async _wipe() {
      tab((s) => Object.keys(s).forEach((key) => key.startsWith('attune:') && s.removeItem(key)));
      await memory._keepDenials();
      await storage.clear();
    },
    _session: {
      get: (key) => (measured() ? tab((s) => s.getItem(key)) : null),
      set: (key, value) => void (measured() && tab((s) => s.setItem(key, value))),
    },
  } as LocalRecords;
  records.stop = consent.$consent.subscribe((state) => {
    const states = Object.values(state);
    void storage.allow(states.includes('granted'));
    if (states.every((s) => s === 'denied')) void records._wipe();
  });
  return records;
};
