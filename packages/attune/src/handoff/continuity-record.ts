import { recommendNextAction, type Decision, type HandoffChannel, type History, type SignalType } from '@attune/rules';

/** What became of help shown earlier, as the continuity record tells it. */
export type HelpOutcome = 'shown' | 'dismissed' | 'helpful_yes' | 'helpful_no' | 'engaged';

/** What a person picking up a handoff starts with, so the visitor repeats nothing. Never a typed value. */
export interface HandoffRecord {
  /** The rule that offered the person. */
  rule: string;
  /** The channel the handoff goes through. */
  channel: HandoffChannel;
  /** What the visitor seems to be trying to do, inferred from the evidence. */
  intent: 'fixing_form_errors' | 'stuck_on_an_element' | 'hesitating' | 'leaving' | 'asking_for_help';
  /** Page path. */
  page: string;
  /** Signals behind the decision, by target (a selector or `data-attune` label, never element text). */
  evidence: { signal: SignalType; target: string; count: number }[];
  /** Form fields failing now, each by its name (never the form's label, never a value). */
  failingFields: string[];
  /** Help already shown on this device, oldest first, with what the visitor did with it. */
  helpShown: { rule: string; outcome: HelpOutcome }[];
  /** Profiling questions already answered, by field name only. */
  questionsAnswered: string[];
  /** What was already tried: help shown before (rule ids) and questions answered (field names only). */
  tried: { shown: string[]; answered: string[] };
  /** Why the handoff happened. */
  reason: 'visitor_asked';
  /** What the person should try first: the rule's `next`, else the built-in table's (docs/handoff.md). */
  nextAction: string;
  /** A plain-text summary for a chat message, a ticket or an email body. */
  summary: string;
  /** The route's link with `{page}`, `{intent}`, `{rule}`, `{summary}` and `{next}` filled in, when it has one. */
  href?: string;
}

const INTENT: Partial<Record<SignalType, HandoffRecord['intent']>> = {
  form_error: 'fixing_form_errors',
  form_correction: 'fixing_form_errors',
  disabled_click: 'fixing_form_errors',
  form_abandon: 'fixing_form_errors',
  rage_click: 'stuck_on_an_element',
  dead_click: 'stuck_on_an_element',
  error_click: 'stuck_on_an_element',
  hesitation: 'hesitating',
  exit_intent: 'leaving',
};

/** What {@link continuityRecord} is built from. */
export interface ContinuityInput {
  decision: Decision;
  page: string;
  history: History;
  /** Answers by field; only the field names are used. */
  profile: Readonly<Record<string, unknown>>;
  channel: HandoffChannel;
  /** The route's own next action. */
  next?: string;
  /** Failing field names found on the page (see `failingFields`). */
  fields: string[];
  /** What the visitor did with help shown before, by rule id (helpful yes/no, a link followed). */
  outcomes?: Readonly<Record<string, HelpOutcome>>;
}

/**
 * Builds the continuity record for a handoff. Profile values are left out (only which questions
 * were answered), field values are never read, and the current rule is not listed as help tried.
 *
 * @example continuityRecord({ decision, page: '/checkout', history, profile, channel: 'intercom', fields: ['vat_number'] }).nextAction
 */
export const continuityRecord = ({
  decision,
  page,
  history,
  profile,
  channel,
  next,
  fields,
  outcomes = {},
}: ContinuityInput): HandoffRecord => {
  const evidence = decision.evidence.slice(0, 10).map(({ signal, target, count }) => ({ signal, target, count }));
  const first = evidence[0];
  const intent = (first && INTENT[first.signal]) || 'asking_for_help';
  const dismissed = new Set(history.dismissed.map((d) => d.ruleId));
  const helpShown: HandoffRecord['helpShown'] = [];
  for (const entry of history.shown) {
    if (entry.shadow || entry.ruleId === decision.ruleId || helpShown.some((h) => h.rule === entry.ruleId)) continue;
    helpShown.push({ rule: entry.ruleId, outcome: outcomes[entry.ruleId] ?? (dismissed.has(entry.ruleId) ? 'dismissed' : 'shown') });
  }
  const questionsAnswered = Object.keys(profile).slice(0, 20);
  const nextAction = recommendNextAction(evidence, next, fields);
  const summary = [
    `Page: ${page}`,
    `Seems to be: ${intent.replace(/_/g, ' ')}`,
    evidence.length ? `Signals: ${evidence.map((e) => `${e.signal} on ${e.target} ×${e.count}`).join(', ')}` : '',
    fields.length ? `Failing fields: ${fields.join(', ')}` : '',
    helpShown.length ? `Help already shown: ${helpShown.map((h) => `${h.rule} (${h.outcome.replace(/_/g, ' ')})`).join(', ')}` : '',
    questionsAnswered.length ? `Questions answered: ${questionsAnswered.join(', ')}` : '',
    `Recommended next action: ${nextAction}`,
  ]
    .filter(Boolean)
    .join('\n');
  return {
    rule: decision.ruleId,
    channel,
    intent,
    page,
    evidence,
    failingFields: fields,
    helpShown: helpShown.slice(-10),
    questionsAnswered,
    tried: { shown: helpShown.map((h) => h.rule), answered: questionsAnswered },
    reason: 'visitor_asked',
    nextAction,
    summary,
  };
};
