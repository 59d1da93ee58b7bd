import {
  evaluate,
  explain,
  type BlockReason,
  type CompiledRules,
  type Decision,
  type Facts,
  type History,
  type PageView,
  type ShownEntry,
} from '@attune/rules';
import type { RecordedSession } from './read-sessions';

/** One thing that happened in a replay. */
export type SimulationStep =
  | { t: number; path: string; kind: 'show' | 'shadow'; decision: Decision; why: string }
  | { t: number; path: string; kind: 'blocked'; ruleId: string; reason: BlockReason; shadow: boolean };

/** A visitor's fatigue ledger, carried from one of their sessions to the next. */
export interface Ledger {
  shown: ShownEntry[];
  dismissed: History['dismissed'][number][];
  /** Page views remembered for `views` conditions, oldest first, as the browser keeps them. */
  views?: PageView[];
}

/** How long the replayed recent-signal store keeps a signal, like the browser's. */
const SIGNAL_RETENTION_MS = 30 * 86_400_000;
/** How long and how many page views the browser remembers for `views` conditions. */
const VIEWS_RETENTION_MS = 30 * 86_400_000;
const VIEWS_MAX = 50;

/**
 * Replays one recorded session against compiled rules, exactly as the browser would decide:
 * after each event the facts are updated and `evaluate` runs with the visitor's ledger. A
 * decision is recorded as shown and stays visible until the visitor dismisses, answers,
 * engages or moves to another page; shadow decisions count against virtual caps. A blocked
 * live rule is reported once per reason per session; a blocked shadow rule once per page view,
 * with the first guardrail that stopped it, as devices record it for the report. Each page
 * event is remembered as a page view (the last 50 within 30 days, carried in the ledger) for
 * `views` conditions. Pure: the ledger passed in is not changed.
 *
 * @example const { steps, ledger } = simulateSession(rules, session, { shown: [], dismissed: [] });
 */
export function simulateSession(
  rules: CompiledRules,
  session: RecordedSession,
  previous: Ledger,
): { steps: SimulationStep[]; ledger: Ledger } {
  const ledger: Ledger = { shown: [...previous.shown], dismissed: [...previous.dismissed], views: [...(previous.views ?? [])] };
  const steps: SimulationStep[] = [];
  const reported = new Set<string>();
  const facts: Facts = { ...session.facts, page: { path: '/' }, signals: [], visitor: session.visitor, views: ledger.views };
  let pageStart = session.start;
  let lastInput = session.start;
  let visible: string | null = null;
  let pageView = 0;

  for (const event of session.events) {
    const now = session.start + event.t;
    if ('page' in event) {
      facts.page = { path: event.page, ...(event.referrer ? { referrer: event.referrer } : {}), ...(event.utm ? { utm: event.utm } : {}) };
      pageStart = now;
      lastInput = now;
      visible = null;
      pageView++;
      ledger.views = [...(ledger.views ?? []).filter((v) => now - v.at < VIEWS_RETENTION_MS), { path: event.page, at: now }].slice(
        -VIEWS_MAX,
      );
      facts.views = ledger.views;
    } else if ('signal' in event) {
      facts.signals = [
        ...facts.signals.filter((s) => now - s.at <= SIGNAL_RETENTION_MS),
        { type: event.signal, target: event.target, count: event.count ?? 1, at: now, path: facts.page.path },
      ];
      lastInput = now;
    } else if ('facts' in event) {
      Object.assign(facts, event.facts);
    } else if ('dismiss' in event) {
      ledger.dismissed.push({ ruleId: event.dismiss, at: now, kind: event.kind ?? 'dismiss' });
      if (visible === event.dismiss) visible = null;
      lastInput = now;
    } else if ('answer' in event) {
      facts.profile = { ...facts.profile, ...event.answer };
      visible = null;
      lastInput = now;
    } else if ('engage' in event) {
      // "Was this helpful?": kept on the latest showing of the rule, as the browser's ledger keeps it.
      let last = typeof event.helpful === 'boolean' ? ledger.shown.length - 1 : -1;
      while (last >= 0 && ledger.shown[last]!.ruleId !== event.engage) last--;
      if (last >= 0) ledger.shown[last] = { ...ledger.shown[last]!, outcome: event.helpful ? 'helpful_yes' : 'helpful_no' };
      if (visible === event.engage) visible = null;
      lastInput = now;
    }
    facts.dwell = now - pageStart;
    facts.idle = now - lastInput;

    const result = evaluate(rules, facts, { shown: ledger.shown, dismissed: ledger.dismissed, sessionStart: session.start, visible }, now);
    const path = facts.page.path;
    for (const blocked of result.blocked) {
      const key = blocked.shadow ? `${blocked.ruleId}\u0000view ${pageView}` : `${blocked.ruleId}\u0000${blocked.reason}`;
      if (reported.has(key)) continue;
      reported.add(key);
      steps.push({ t: event.t, path, kind: 'blocked', ruleId: blocked.ruleId, reason: blocked.reason, shadow: blocked.shadow === true });
    }
    for (const decision of result.shadow) {
      ledger.shown.push({ ruleId: decision.ruleId, at: now, shadow: true, type: decision.action.type });
      steps.push({ t: event.t, path, kind: 'shadow', decision, why: explain(decision, facts.locale) });
    }
    if (result.decision) {
      const rule = rules.rules.find((r) => r.id === result.decision?.ruleId);
      ledger.shown.push({
        ruleId: result.decision.ruleId,
        at: now,
        type: result.decision.action.type,
        ...(rule?.group ? { group: rule.group } : {}),
      });
      visible = result.decision.ruleId;
      steps.push({ t: event.t, path, kind: 'show', decision: result.decision, why: explain(result.decision, facts.locale) });
    }
  }
  return { steps, ledger };
}
