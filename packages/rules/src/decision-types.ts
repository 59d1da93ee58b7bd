// What the evaluator returns and remembers: decisions with their evidence and reasons, blocks, the fatigue ledger.
import type { Action, ActionType } from './action-types';
import type { SignalType } from './signal-types';
import type { DismissKind } from './dismiss-kinds';
import type { FormState, ReferrerClass } from './fact-types';
import type { HistoryOutcome } from './condition-types';

/** What the visitor did about earlier interventions: the fatigue ledger. */
export interface History {
  /** Interventions shown, oldest first. */
  shown: readonly ShownEntry[];
  /** Dismissals, oldest first. `skip` is a skipped question. */
  dismissed: readonly { ruleId: string; at: number; kind: DismissKind | 'skip' }[];
  /** Epoch milliseconds when the current session began; every entry counts as this session when absent. */
  sessionStart?: number;
  /** Id of the intervention on screen now, if any: only one is visible at a time. */
  visible?: string | null;
}

/** One intervention in the fatigue ledger. */
export interface ShownEntry {
  ruleId: string;
  at: number;
  /** A shadow "would have shown": counts against shadow rules' virtual caps only. */
  shadow?: boolean;
  /** Opened by the visitor: exempt from every cap. */
  opened?: boolean;
  /** What the visitor did with it short of closing it (rated it, followed a link), for a handoff's record. */
  outcome?: 'helpful_yes' | 'helpful_no' | 'engaged';
  /** The action's type, so `ask` entries spend the question budget even after the rule is gone. */
  type?: ActionType;
  /** The rule's group, so group caps hold even after the rule is gone. */
  group?: string;
}

/** One line of a decision trace. */
export interface TraceEntry {
  /** JSON path of the condition inside the rule. */
  path: string;
  /** Human summary of the condition, e.g. `rage_click on pricing* ≥ 1 within 60s`. */
  condition: string;
  /** What was observed (a count, a path). */
  observed: string | number | boolean;
  passed: boolean;
}

/** Evidence that made a rule fire: the signals that satisfied its conditions. */
export interface Evidence {
  signal: SignalType;
  target: string;
  /** Sum of the detector's strength figures (clicks in the bursts, errors on the field). */
  count: number;
  /** How many signals of this type on this target were counted. */
  occurrences?: number;
}

/**
 * One reason a rule fired, taken from a condition that passed and was observed (never from
 * inside `not` or `none`, never from a branch that failed): what "Why am I seeing this?" is
 * built from. Holds no typed value, no answer and no raw path.
 * - `intent`: an intent with a `describe` text (for `facts.locale` or by default) passed; `text` is that text,
 *   and the intent's own conditions are not listed again.
 * - `signal`: signals that satisfied a signal condition, as in `Evidence`.
 * - `dwell`: a lower bound on time on the page (`dwell`) or without input (`idle`) passed.
 * - `page`: the page matched a `page` pattern; `pattern` is the marketer's glob, not the visited path.
 * - `views`: a `views` condition passed; `pattern` is the marketer's glob, `count` the matching views observed.
 * - `visits`: a lower bound on the visit count, or `visitor.returning`, passed (`count`: the visits observed).
 * - `answer`: a condition on an answer the visitor gave passed; only the field is named.
 * - `form`: a condition on the form's state (`form.state`, or `form.errors` above 0) passed; `state` is the state observed.
 * - `source`: a condition on `page.referrer` passed; `referrer` is the class observed.
 * - `device`: a condition on `device` passed; `device` is the class observed.
 * - `firstVisit`: a lower bound on `visitor.daysSinceFirstVisit` passed; `days` is the figure observed (1 or more).
 * - `history`: a help-history condition passed; `was` is what the visitor did with the earlier help.
 *
 * `path` is the JSON path of the condition that passed (in the rule's `when` or an intent's),
 * the entry of the decision's trace the reason comes from. The stage, locale, consent and UTM
 * values give no reason: they cannot be told to the visitor plainly as something true about them.
 */
export type Reason = (
  | { kind: 'intent'; intent: string; text: string }
  | ({ kind: 'signal' } & Evidence)
  | { kind: 'dwell' }
  | { kind: 'page'; pattern: string }
  | { kind: 'views'; pattern: string; count: number }
  | { kind: 'visits'; count: number }
  | { kind: 'answer'; field: string }
  | { kind: 'form'; state: FormState }
  | { kind: 'source'; referrer: ReferrerClass }
  | { kind: 'device'; device: 'desktop' | 'tablet' | 'mobile' }
  | { kind: 'firstVisit'; days: number }
  | { kind: 'history'; was: HistoryOutcome }
) & { path?: string };

/** A rule that fired, with why. */
export interface Decision {
  ruleId: string;
  /** `true` for a shadow rule: record it, render nothing. */
  shadow: boolean;
  /** The action, with the locale variant for `facts.locale` applied and `locales` removed. */
  action: Action;
  because?: string;
  evidence: Evidence[];
  /** The passed, observed conditions behind the decision, in the order of the trace: `explain` reads them. */
  reasons?: Reason[];
  trace: TraceEntry[];
  /** The rule's revision, for the record. */
  revision?: string;
  /** Set when the rule has a holdout: `unassigned` when there was no visitor id to assign with. */
  holdout?: 'treatment' | 'unassigned';
  /** `true` for a preview: show it, record nothing. */
  preview?: boolean;
}

/** Why a matching rule did not act. */
export interface Blocked {
  ruleId: string;
  reason: BlockReason;
  /** `true` when a shadow rule's virtual guardrails blocked it. */
  shadow?: boolean;
}

/** Every guardrail that can stop a matching rule, in order of precedence. */
export type BlockReason =
  | 'kill_switch'
  | 'quiet_page'
  | 'never'
  | 'dismissed'
  | 'snoozed'
  | 'cooldown'
  | 'already_shown'
  | 'rule_cap'
  | 'known_field'
  | 'question_budget'
  | 'skipped_question'
  | 'group_cap'
  | 'session_cap'
  | 'day_cap'
  | 'week_cap'
  | 'min_gap'
  | 'visible'
  | 'holdout'
  | 'outranked';

/** What happened to one rule in an evaluation: the marketer's debug view. */
export interface RuleOutcome {
  ruleId: string;
  /** Whether `when` passed. */
  matched: boolean;
  trace: TraceEntry[];
  /** The guardrail that stopped it, when it matched but did not act. */
  blocked?: BlockReason;
}

/** Result of one evaluation: at most one decision, plus the rules guardrails blocked. */
export interface Evaluation {
  decision: Decision | null;
  /** Shadow rules that would have fired. */
  shadow: Decision[];
  blocked: Blocked[];
  /** Every rule considered, in evaluation order, with its trace. */
  considered?: RuleOutcome[];
  /**
   * Rules (by id) and intents (as `intent:<name>`) skipped because their conditions needed more
   * than `EVALUATION_BUDGET` matcher steps; they count as not matching. Report each once.
   */
  overBudget?: string[];
}
