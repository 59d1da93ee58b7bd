import { parseDuration } from './duration';
import { globMatch } from './glob-match';
import { DEFAULT_GUARDRAILS } from './default-guardrails';
import { holdoutBucket } from './holdout-bucket';
import type { BlockReason, Caps, CompiledRules, Facts, History, Rule, ShownEntry } from './types';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** What a guardrail check reads. */
export interface GuardrailInput {
  rule: Rule;
  compiled: CompiledRules;
  facts: Facts;
  history: History;
  now: number;
  /** Check a shadow rule against virtual caps (its "would have shown" entries). */
  shadow: boolean;
}

const overCap = (
  entries: readonly ShownEntry[],
  caps: Caps | undefined,
  now: number,
  sessionStart: number,
): 'session' | 'day' | 'week' | 'total' | null => {
  if (!caps) return null;
  if (caps.total !== undefined && entries.length >= caps.total) return 'total';
  if (caps.perSession !== undefined && entries.filter((e) => e.at >= sessionStart).length >= caps.perSession) return 'session';
  if (caps.perDay !== undefined && entries.filter((e) => now - e.at < DAY_MS).length >= caps.perDay) return 'day';
  if (caps.perWeek !== undefined && entries.filter((e) => now - e.at < WEEK_MS).length >= caps.perWeek) return 'week';
  return null;
};

/**
 * The first guardrail that stops a rule whose conditions passed, or `null` when it may act.
 * Precedence, first match wins:
 * 1. `kill_switch`: the file's `enabled` is `false`.
 * 2. `quiet_page`: the page path matches `defaults.quietPages` (checkout, payment and login by default).
 * 3. `never`: the visitor chose "never again" for this rule, ever.
 * 4. `dismissed`: the visitor dismissed this rule in the current session.
 * 5. `snoozed`: "not now" for this rule, within `defaults.snooze` (1 day).
 * 6. `cooldown`: a dismissal of this rule within its `cooldown` (default `defaults.cooldown`, 7 days).
 * 7. `already_shown`, `rule_cap`: the rule's own caps (once per session unless its caps say otherwise).
 * 8. `known_field`, `question_budget`, `skipped_question`: for `ask` only — the field is already
 *    in `facts.profile`, the session's question budget (1) is spent, or the visitor skipped a
 *    question within `defaults.questions.afterSkip` (7 days).
 * 9. `group_cap`: the caps of the rule's group, counting every rule in the group.
 * 10. `session_cap`, `day_cap`, `week_cap`: global caps (2 per session, 3 per rolling 24 h, 6 per rolling 7 days).
 * 11. `min_gap`: the last intervention was less than `defaults.minGap` (60 s) ago.
 * 12. `visible`: another intervention is on screen.
 * 13. `holdout`: the visitor is in the rule's sticky control group (needs `facts.visitor.id`).
 *
 * The session is every entry at or after `history.sessionStart` (all entries when absent).
 * Entries the visitor opened themselves never count. Shadow rules are checked against shadow
 * entries only (virtual caps); live rules against live entries only. Entries dated after
 * `now` are ignored, so a replay at time t never sees its future.
 *
 * @example checkGuardrails({ rule, compiled, facts, history, now, shadow: false }) // 'min_gap'
 */
export function checkGuardrails(input: GuardrailInput): BlockReason | null {
  const { rule, compiled, facts, history, now, shadow } = input;
  const defaults = compiled.defaults ?? {};
  if (!compiled.enabled) return 'kill_switch';

  const path = String(facts.page?.path ?? '');
  const quiet = defaults.quietPages ?? DEFAULT_GUARDRAILS.quietPages;
  if (quiet.some((glob) => globMatch(glob, path))) return 'quiet_page';

  const sessionStart = typeof history.sessionStart === 'number' ? history.sessionStart : -Infinity;
  const dismissals = (history.dismissed ?? []).filter((d) => d.at <= now);
  const mine = dismissals.filter((d) => d.ruleId === rule.id);
  if (mine.some((d) => d.kind === 'never')) return 'never';
  if (mine.some((d) => d.kind === 'dismiss' && d.at >= sessionStart)) return 'dismissed';
  const snoozeMs = parseDuration(defaults.snooze ?? DEFAULT_GUARDRAILS.snooze) ?? DAY_MS;
  if (mine.some((d) => d.kind === 'snooze' && now - d.at < snoozeMs)) return 'snoozed';
  const cooldownMs = parseDuration(rule.cooldown ?? defaults.cooldown ?? DEFAULT_GUARDRAILS.cooldown) ?? WEEK_MS;
  if (mine.some((d) => (d.kind === 'dismiss' || d.kind === 'skip') && now - d.at < cooldownMs)) return 'cooldown';

  const ledger = (history.shown ?? []).filter((e) => e.at <= now && !e.opened && Boolean(e.shadow) === shadow);
  const own = ledger.filter((e) => e.ruleId === rule.id);
  const perSession = rule.caps?.perSession ?? DEFAULT_GUARDRAILS.rulePerSession;
  if (own.filter((e) => e.at >= sessionStart).length >= perSession)
    return rule.caps?.perSession === undefined ? 'already_shown' : 'rule_cap';
  if (overCap(own, rule.caps, now, sessionStart)) return 'rule_cap';

  if (rule.show.type === 'ask') {
    const known = facts.profile?.[rule.show.field];
    if (
      Object.prototype.hasOwnProperty.call(facts.profile ?? {}, rule.show.field) &&
      known !== undefined &&
      known !== '' &&
      !(Array.isArray(known) && known.length === 0)
    ) {
      return 'known_field';
    }
    const askIds = new Set(compiled.rules.filter((r) => r.show.type === 'ask').map((r) => r.id));
    const asked = ledger.filter((e) => e.at >= sessionStart && (e.type === 'ask' || (e.type === undefined && askIds.has(e.ruleId))));
    if (asked.length >= (defaults.questions?.perSession ?? DEFAULT_GUARDRAILS.questions.perSession)) return 'question_budget';
    const afterSkipMs = parseDuration(defaults.questions?.afterSkip ?? DEFAULT_GUARDRAILS.questions.afterSkip) ?? WEEK_MS;
    if (dismissals.some((d) => d.kind === 'skip' && now - d.at < afterSkipMs)) return 'skipped_question';
  }

  if (rule.group !== undefined) {
    const members = new Set(compiled.rules.filter((r) => r.group === rule.group).map((r) => r.id));
    const inGroup = ledger.filter((e) => e.group === rule.group || (e.group === undefined && members.has(e.ruleId)));
    if (overCap(inGroup, defaults.groups?.[rule.group], now, sessionStart)) return 'group_cap';
  }

  const global = overCap(ledger, { ...DEFAULT_GUARDRAILS.caps, ...defaults.caps }, now, sessionStart);
  if (global === 'session' || global === 'total') return 'session_cap';
  if (global === 'day') return 'day_cap';
  if (global === 'week') return 'week_cap';

  const minGapMs = parseDuration(defaults.minGap ?? DEFAULT_GUARDRAILS.minGap) ?? 0;
  if (ledger.some((e) => now - e.at < minGapMs)) return 'min_gap';

  if (typeof history.visible === 'string' && history.visible !== '') return 'visible';

  const visitorId = facts.visitor?.id;
  if (rule.holdout && typeof visitorId === 'string' && visitorId !== '' && holdoutBucket(visitorId, rule.id) < rule.holdout)
    return 'holdout';
  return null;
}
