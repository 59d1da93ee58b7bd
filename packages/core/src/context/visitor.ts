import type { KeyValueStore } from '../storage/key-value';

/** What the device remembers about the visitor. No device data goes into it. */
export interface VisitorRecord {
  /** Random pseudonymous id; rotates every `rotateMs`. */
  id: string;
  /** When the id was made. */
  idSince: number;
  firstSeen: number;
  lastSeen: number;
  /** When the current visit (session) began. */
  visitStart: number;
  /** Visits, where a visit ends after 30 minutes without a page view. */
  visits: number;
}

/** The visitor as rules see it. */
export interface VisitorContext extends VisitorRecord {
  returning: boolean;
}

/** Visitor-context options. */
export interface VisitorOptions {
  /** Key in the store (default `visitor`). */
  key?: string;
  /** A visit ends after this idle time (default 30 minutes). */
  visitGapMs?: number;
  /** The pseudonymous id rotates after this (default 30 days). */
  rotateMs?: number;
  /** Local facts older than this are forgotten (default 30 days). */
  retentionMs?: number;
}

/** A random id from the platform's CSPRNG: never derived from the device. */
export const randomId = (random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string =>
  Array.from(random(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * Loads the visitor record, counts this page view as a new visit when the last
 * one was long enough ago, rotates the id when due, forgets it after the
 * retention window, and saves it back.
 *
 * @example
 * const visitor = await loadVisitor(store, Date.now());
 * visitor.returning // false on a first visit
 */
export const loadVisitor = async (
  store: KeyValueStore,
  now: number,
  options: VisitorOptions = {},
  makeId: () => string = randomId,
): Promise<VisitorContext> => {
  const key = options.key ?? 'visitor';
  const gap = options.visitGapMs ?? 30 * 60_000;
  const rotate = options.rotateMs ?? 30 * 86_400_000;
  const retention = options.retentionMs ?? 30 * 86_400_000;
  let saved = await store.get<VisitorRecord>(key);
  if (saved && (typeof saved.id !== 'string' || now - saved.lastSeen > retention)) saved = undefined;
  const newVisit = !saved || now - saved.lastSeen > gap;
  const record: VisitorRecord = saved
    ? {
        ...saved,
        id: now - saved.idSince > rotate ? makeId() : saved.id,
        idSince: now - saved.idSince > rotate ? now : saved.idSince,
        visits: newVisit ? saved.visits + 1 : saved.visits,
        visitStart: newVisit ? now : (saved.visitStart ?? saved.lastSeen),
        lastSeen: now,
      }
    : { id: makeId(), idSince: now, firstSeen: now, lastSeen: now, visitStart: now, visits: 1 };
  await store.set(key, record);
  return { ...record, returning: record.visits > 1 };
};
