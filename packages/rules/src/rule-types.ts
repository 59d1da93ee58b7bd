// A rules file as a marketer writes it, and as validation returns it.
import type { Action } from './action-types';
import type { BoundedRegex } from './bounded-regex';
import type { Condition } from './condition-types';

/** Limits on how often something is shown. Visitor-opened help never counts. */
export interface Caps {
  perSession?: number;
  perDay?: number;
  perWeek?: number;
  /** Shown this many times in all, then never again. */
  total?: number;
}

/** File-wide guardrails. Every field has a built-in default (see `DEFAULT_GUARDRAILS`). */
export interface Defaults {
  /** Global caps over all rules. Default `{ perSession: 2, perDay: 3, perWeek: 6 }`. */
  caps?: Caps;
  /** Minimum time between two interventions. Default `"60s"`. */
  minGap?: string;
  /** How long a dismissed rule stays away after the session it was dismissed in. Default `"7d"`. */
  cooldown?: string;
  /** How long "not now" lasts. Default `"1d"`. */
  snooze?: string;
  /** Page globs where nothing is ever shown. Default checkout, payment and login pages. */
  quietPages?: string[];
  /** The stricter budget for `ask` rules. */
  questions?: {
    /** Default 1. */
    perSession?: number;
    /** No question for this long after the visitor skipped one. Default `"7d"`. */
    afterSkip?: string;
  };
  /** Caps shared by the rules naming the group. */
  groups?: Record<string, Caps>;
}

/**
 * A named intent: `{ "comparing": { "when": { "signal": "back_forth", "atLeast": 2 } } }`.
 * With `describe`, the visitor's "Why am I seeing this?" names the intent in the site's words
 * ("You compared our plans.") instead of the conditions that made it pass.
 */
export interface IntentDefinition {
  /** Marketer's note, never shown to visitors. */
  description?: string;
  /**
   * One short sentence addressed to the visitor about what they did, shown under
   * "Why am I seeing this?" when this intent is among the reasons. Text only; tone-linted.
   */
  describe?: string;
  /** `describe` by BCP 47 tag (`de`, `fr-CA`); the closest to `facts.locale` wins. */
  locales?: Record<string, { describe?: string }>;
  when: Condition;
}

/** Rule status: live rules act, shadow rules only record, off rules do nothing. */
export type RuleStatus = 'live' | 'shadow' | 'off';

/** One rule in a rules file. */
export interface Rule {
  id: string;
  status?: RuleStatus;
  /** Higher wins when several rules match (default 0). */
  priority?: number;
  when: Condition;
  show: Action;
  /** Plain-language reason shown under "Why am I seeing this?". Built from the evidence when absent. */
  because?: string;
  /** Marketer's note, never shown to visitors. */
  description?: string;
  /** Caps for this rule alone. */
  caps?: Caps;
  /** Overrides `defaults.cooldown` after a dismissal of this rule. */
  cooldown?: string;
  /** Fraction (0 to 0.5) of eligible visitors kept as a control group, sticky per visitor. */
  holdout?: number;
  /** Name of a group in `defaults.groups` whose caps this rule shares. */
  group?: string;
  /** Content revision; computed from the rule's content when absent. */
  revision?: string;
}

/** A rules file, as a marketer writes it. */
export interface RulesFile {
  $schema?: string;
  /** Format version. */
  version?: 1;
  /** The kill switch: `false` turns every rule off. */
  enabled?: boolean;
  /** File-wide guardrails. */
  defaults?: Defaults;
  /** Named intents conditions can refer to with `{ "intent": "comparing" }`. */
  intents?: Record<string, IntentDefinition>;
  /** The site's knowledge file (help articles, see `validateKnowledge`), relative to the rules file or an `https:` URL. */
  knowledge?: string;
  rules: Rule[];
}

/** One problem found in a rules file. */
export interface RuleIssue {
  /** JSON path such as `$.rules[2].when.all[0].signal`. */
  path: string;
  message: string;
  severity: 'error' | 'warning';
  /** Stable, machine-readable kind such as `unknown_signal`; `compileRules` puts it in `message` too. */
  code?: string;
}

/** The outcome of validation: only valid rules are kept. */
export interface ValidationResult {
  /** `true` when the file as a whole is usable (some rules may still have been skipped). */
  ok: boolean;
  /** The usable rules; `null` when the file failed structurally. */
  rules: CompiledRules | null;
  errors: RuleIssue[];
  warnings: RuleIssue[];
}

/** Validated rules, ready for the evaluator. */
export interface CompiledRules {
  enabled: boolean;
  /** Highest priority first, file order among equals. */
  rules: readonly Rule[];
  /** File-wide guardrails as written; built-in defaults fill the gaps at evaluation. */
  defaults?: Defaults;
  /** Valid intent definitions by name. */
  intents?: Readonly<Record<string, Condition>>;
  /** Visitor-facing `describe` texts of valid intents that have one, by intent name. */
  intentTexts?: Readonly<Record<string, IntentText>>;
  /** Linear-time matchers of `regex` conditions, compiled once at load, by source. */
  regexes?: ReadonlyMap<string, BoundedRegex>;
  /** Index of each rule in the source file, for trace paths; the position in `rules` when absent. */
  sourceIndex?: readonly number[];
  /** The file's `knowledge` reference, as written. */
  knowledge?: string;
}

/** An intent's visitor-facing text and its locale variants, as validated. */
export interface IntentText {
  describe?: string;
  locales?: Readonly<Record<string, { describe?: string }>>;
}
