import type { Facts } from './types';

const DAY_MS = 86_400_000;

const ownValue = (record: unknown, key: string): unknown =>
  typeof record === 'object' && record !== null && Object.prototype.hasOwnProperty.call(record, key)
    ? (record as Record<string, unknown>)[key]
    : undefined;

/**
 * Reads a fact from a snapshot: `undefined` when the snapshot does not hold it.
 * `visitor.daysSinceFirstVisit` is whole days from `visitor.firstSeen` to `now`.
 *
 * @example readFact('page.utm.utm_source', facts, now) // 'newsletter'
 */
export function readFact(name: string, facts: Facts, now: number): unknown {
  const page = facts.page;
  const visitor = facts.visitor;
  switch (name) {
    case 'page.path':
      return page?.path;
    case 'page.referrer':
      return page?.referrer;
    case 'visitor.returning':
      return visitor?.returning;
    case 'visitor.visits':
      return visitor?.visits;
    case 'visitor.daysSinceFirstVisit': {
      const first = visitor?.firstSeen;
      return typeof first === 'number' && Number.isFinite(first) ? Math.max(0, Math.floor((now - first) / DAY_MS)) : undefined;
    }
    case 'dwell':
      return facts.dwell;
    case 'idle':
      return facts.idle;
    case 'stage':
      return facts.stage;
    case 'device':
      return facts.device;
    case 'locale':
      return facts.locale;
    case 'intents':
      return facts.intents;
    case 'form.state':
      return facts.form?.state;
    case 'form.errors':
      return facts.form?.errors;
  }
  if (name.startsWith('page.utm.')) return ownValue(page?.utm, name.slice('page.utm.'.length));
  if (name.startsWith('consent.')) return ownValue(facts.consent, name.slice('consent.'.length));
  if (name.startsWith('profile.')) return ownValue(facts.profile, name.slice('profile.'.length));
  return undefined;
}
