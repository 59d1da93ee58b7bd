import { SIGNAL_TYPES, type ReferrerClass, type SignalType } from '@attune/rules';
import type { RecordedSession, SessionEvent } from './read-sessions';

/** A new session starts after this long without an event, as analytics tools usually count them. */
export const SESSION_GAP_MS = 30 * 60_000;
const REFERRERS = new Set<string>(['search', 'social', 'email', 'paid', 'direct', 'referral', 'internal']);
const KINDS = new Set(['dismiss', 'snooze', 'never', 'skip']);
// Events the engine answered with, not input to it: they mark a moment it evaluated.
const OUTPUTS = new Set(['decision', 'shown', 'handoff']);

/** What the stored events cannot tell a replay: printed with every backtest. */
export const NOT_REPLAYABLE: readonly string[] = [
  'page views with no event at all (a visitor who only read a page leaves nothing to replay there), and a reload or a second view of the same page with nothing else in between (it replays as one view)',
  'dwell and idle between events: the replay evaluates at event times only, plus once at each recorded decision',
  'consent, locale, declared stage, form state and intents inferred on the device: events do not carry them',
  'visitors without a pseudonymous id, and history older than the exported period (visits, first seen, fatigue ledger start empty)',
  'signals the device never sent (below its thresholds, or dropped before sending)',
];

/** Options for {@link sessionsFromEvents}. */
export interface RebuildOptions {
  /** Only events at or after this time (epoch ms). */
  since?: number;
  /** Only this site's events (stored events carry `site`). */
  site?: string;
}

/** The rebuilt sessions and what was left out. */
export interface Rebuilt {
  sessions: RecordedSession[];
  /** Events used, and events left out because they had no visitor id. */
  used: number;
  withoutVisitor: number;
}

interface Stored {
  type: string;
  ts: number;
  path: string;
  vid: string;
  fields: Record<string, unknown>;
}

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

/**
 * Rebuilds each visitor's sessions from stored events (the JSON lines
 * `attune-collector export` writes, or `GET /events`): one session per run of
 * events with no gap over 30 minutes; a page view wherever the path changes;
 * signals, dismissals, engagements and answers as they were; and one
 * evaluation moment at each recorded decision, so rules that fired on a timer
 * get their chance at the same time. Visitors are keyed by their pseudonymous
 * id; `returning`, `visits` and `firstSeen` count from the first event in the data.
 *
 * @example const { sessions } = sessionsFromEvents(lines.map((l) => JSON.parse(l)), { since: Date.now() - 7 * 86_400_000 });
 */
export function sessionsFromEvents(events: Iterable<unknown>, { since, site }: RebuildOptions = {}): Rebuilt {
  const byVisitor = new Map<string, Stored[]>();
  let used = 0;
  let withoutVisitor = 0;
  for (const raw of events) {
    if (!raw || typeof raw !== 'object') continue;
    const e = raw as Record<string, unknown>;
    const type = str(e.type);
    const path = str(e.path);
    if (!type || !path || typeof e.ts !== 'number' || !Number.isFinite(e.ts)) continue;
    if ((since !== undefined && e.ts < since) || (site !== undefined && e.site !== site)) continue;
    const vid = str(e.vid);
    if (!vid) {
      withoutVisitor++;
      continue;
    }
    used++;
    const list = byVisitor.get(vid) ?? [];
    list.push({ type, ts: e.ts, path, vid, fields: e });
    byVisitor.set(vid, list);
  }

  const sessions: RecordedSession[] = [];
  for (const [vid, list] of byVisitor) {
    // At one moment, what the visitor did comes before what the engine answered.
    list.sort((a, b) => a.ts - b.ts || Number(OUTPUTS.has(a.type)) - Number(OUTPUTS.has(b.type)));
    const firstSeen = list[0]!.ts;
    let current: RecordedSession | null = null;
    let path: string | null = null;
    let last = -Infinity;
    let lastInput = -Infinity;
    let visits = 0;
    for (const e of list) {
      if (!current || e.ts - last > SESSION_GAP_MS) {
        visits++;
        const device = str(e.fields.device);
        current = {
          id: `${vid}#${visits}`,
          start: e.ts,
          visitor: { id: vid, returning: visits > 1, visits, firstSeen },
          ...(device === 'desktop' || device === 'tablet' || device === 'mobile' ? { facts: { device } } : {}),
          events: [],
        };
        sessions.push(current);
        path = null;
        lastInput = -Infinity;
      }
      last = e.ts;
      const t = e.ts - current.start;
      const out: SessionEvent[] = current.events;
      let evaluated = false;
      if (e.path !== path) {
        const referrer = str(e.fields.referrer);
        const utm = e.fields.utm && typeof e.fields.utm === 'object' ? (e.fields.utm as Record<string, string>) : null;
        out.push({
          t,
          page: e.path,
          ...(referrer && REFERRERS.has(referrer) ? { referrer: referrer as ReferrerClass } : {}),
          ...(utm ? { utm } : {}),
        });
        path = e.path;
        evaluated = true;
        lastInput = e.ts;
      }
      const rule = str(e.fields.rule);
      if (e.type === 'signal') {
        const signal = str(e.fields.signal);
        if (signal && SIGNAL_TYPES.includes(signal as SignalType)) {
          const count = e.fields.count;
          out.push({
            t,
            signal: signal as SignalType,
            target: str(e.fields.target) ?? 'page',
            ...(typeof count === 'number' ? { count } : {}),
          });
          lastInput = e.ts;
        }
      } else if (e.type === 'dismissed' && rule) {
        const kind = str(e.fields.kind);
        out.push({ t, dismiss: rule, ...(kind && KINDS.has(kind) ? { kind: kind as 'dismiss' } : {}) });
        lastInput = e.ts;
      } else if (e.type === 'engaged' && rule) {
        const action = str(e.fields.action);
        out.push({
          t,
          engage: rule,
          ...(action === 'helpful_yes' || action === 'helpful_no' ? { helpful: action === 'helpful_yes' } : {}),
        });
        lastInput = e.ts;
      } else if (e.type === 'answered') {
        const field = str(e.fields.field);
        const answer = e.fields.answer;
        if (field && (typeof answer === 'string' || Array.isArray(answer)))
          out.push({ t, answer: { [field]: answer as string | string[] } });
        lastInput = e.ts;
      } else if (OUTPUTS.has(e.type) && !evaluated && e.ts !== lastInput) {
        // A decision with no input at its moment came from a timer (dwell, idle): evaluate then too.
        out.push({ t, tick: true });
        lastInput = e.ts;
      }
    }
  }
  sessions.sort((a, b) => a.start - b.start);
  return { sessions, used, withoutVisitor };
}
