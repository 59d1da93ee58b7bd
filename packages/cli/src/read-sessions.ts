import { SIGNAL_TYPES, type Facts, type SignalType } from '@attune/rules';

/** One moment in a recorded session; `t` is milliseconds since the session started. */
export type SessionEvent =
  | { t: number; page: string; referrer?: Facts['page']['referrer']; utm?: Record<string, string> }
  | { t: number; signal: SignalType; target: string; count?: number }
  | { t: number; facts: Partial<Omit<Facts, 'page' | 'signals' | 'visitor'>> }
  | { t: number; dismiss: string; kind?: 'dismiss' | 'snooze' | 'never' | 'skip' }
  | { t: number; answer: Record<string, string | string[]> }
  /** `helpful`: the visitor's answer to "Was this helpful?", when the engagement was one. */
  | { t: number; engage: string; helpful?: boolean }
  | { t: number; tick: true };

/**
 * A recorded session: a timeline of pages, signals, fact changes and the visitor's reactions.
 * Sessions sharing a `visitor.id` share one fatigue ledger, in order of `start`.
 */
export interface RecordedSession {
  id: string;
  /** Epoch milliseconds when the session began. */
  start: number;
  visitor: Facts['visitor'];
  /** Facts known from the start: locale, device, stage, consent, profile. */
  facts?: Partial<Omit<Facts, 'page' | 'signals' | 'visitor'>>;
  events: SessionEvent[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function readEvent(value: unknown, index: number): SessionEvent | string {
  const where = `events[${index}]`;
  if (!isRecord(value) || !finite(value.t) || value.t < 0) return `${where} needs \`t\`, milliseconds since the session started.`;
  if (typeof value.page === 'string') return value as SessionEvent;
  if (typeof value.signal === 'string') {
    if (!SIGNAL_TYPES.includes(value.signal as SignalType)) return `${where}: unknown signal \`${value.signal.slice(0, 40)}\`.`;
    if (typeof value.target !== 'string') return `${where}: a signal needs a \`target\`.`;
    if (value.count !== undefined && !finite(value.count)) return `${where}: \`count\` must be a number.`;
    return value as SessionEvent;
  }
  if (isRecord(value.facts)) return value as SessionEvent;
  if (typeof value.dismiss === 'string') {
    if (value.kind !== undefined && !['dismiss', 'snooze', 'never', 'skip'].includes(value.kind as string))
      return `${where}: \`kind\` is dismiss, snooze, never or skip.`;
    return value as SessionEvent;
  }
  if (isRecord(value.answer)) return value as SessionEvent;
  if (typeof value.engage === 'string' || value.tick === true) return value as SessionEvent;
  return `${where} is none of page, signal, facts, dismiss, answer, engage or tick.`;
}

/**
 * Reads JSON Lines of recorded sessions. Blank lines are skipped; a bad line gives an error
 * naming its line number and is left out, so one typo does not hide every other session.
 *
 * @example const { sessions, errors } = readSessions(await io.readFile('sessions.jsonl'));
 */
export function readSessions(text: string): { sessions: RecordedSession[]; errors: string[] } {
  const sessions: RecordedSession[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const at = `line ${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      errors.push(`${at}: not valid JSON.`);
      return;
    }
    if (!isRecord(value) || typeof value.id !== 'string' || !finite(value.start) || !Array.isArray(value.events)) {
      errors.push(`${at}: a session needs \`id\`, \`start\` (epoch ms) and \`events\`.`);
      return;
    }
    const visitor = value.visitor;
    if (!isRecord(visitor) || typeof visitor.returning !== 'boolean' || !finite(visitor.visits) || !finite(visitor.firstSeen)) {
      errors.push(`${at}: \`visitor\` needs \`returning\`, \`visits\` and \`firstSeen\`.`);
      return;
    }
    const events: SessionEvent[] = [];
    for (const [index, event] of value.events.entries()) {
      const read = readEvent(event, index);
      if (typeof read === 'string') {
        errors.push(`${at}: ${read}`);
        return;
      }
      events.push(read);
    }
    events.sort((a, b) => a.t - b.t);
    sessions.push({ ...(value as unknown as RecordedSession), events });
  });
  return { sessions, errors };
}
