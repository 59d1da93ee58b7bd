/**
 * The rule format and the shapes the evaluator reads and returns.
 * Nothing here touches the DOM: the same types serve the browser runtime,
 * the CLI simulator and the collector's report.
 */

/** Signal names a detector can emit and a condition can count. */
export type SignalType =
  | 'rage_click'
  | 'dead_click'
  | 'error_click'
  | 'form_error'
  | 'form_correction'
  | 'form_refill'
  | 'disabled_click'
  | 'form_abandon'
  | 'hesitation'
  | 'exit_intent'
  | 'back_forth'
  | 'scroll_thrash'
  | 'slow_interaction';

/** One observation from a detector. Never holds element text or a typed value. */
export interface SignalRecord {
  /** What was seen. */
  type: SignalType;
  /** A stable target: a `data-attune` label, an `#id` or a short structural selector. */
  target: string;
  /** Clicks in a burst, errors on a field, seconds of dwell: the detector's strength figure. */
  count: number;
  /** Epoch milliseconds when the signal was emitted. */
  at: number;
  /** `high` when corroborated by another signal (a rage burst that was also dead). */
  confidence?: 'normal' | 'high';
  /** Page path the signal happened on. */
  path?: string;
}

/** Referrer classes, coarse on purpose. */
export type ReferrerClass = 'search' | 'social' | 'email' | 'paid' | 'direct' | 'referral' | 'internal';

/** Everything the evaluator may look at, gathered on the device. */
export interface Facts {
  /** The page: path only, never the full URL. */
  page: { path: string; referrer?: ReferrerClass; utm?: Readonly<Record<string, string>> };
  /** Signals seen recently, oldest first. */
  signals: readonly SignalRecord[];
  /** Visitor context kept on the device. */
  visitor: {
    returning: boolean;
    visits: number;
    /** Epoch milliseconds of the first visit. */
    firstSeen: number;
    /** The random, pseudonymous visitor id: the key of sticky holdout assignment. */
    id?: string;
  };
  /** Milliseconds since the page was shown. */
  dwell?: number;
  /** Milliseconds since the last input from the visitor. */
  idle?: number;
  /** Lifecycle stage the site declares. */
  stage?: string;
  /** Coarse device class. */
  device?: 'desktop' | 'tablet' | 'mobile';
  /** BCP 47 locale of the page or configuration. */
  locale?: string;
  /** Consent per purpose. */
  consent?: Readonly<Partial<Record<Purpose, ConsentState>>>;
  /** Answers given to profiling questions, by field. */
  profile?: Readonly<Record<string, string | readonly string[]>>;
  /** Intents the runtime has inferred (names from the rules file). */
  intents?: readonly string[];
  /** State of the form the visitor is working on, if any. */
  form?: FormFacts;
  /**
   * The page views the runtime remembers, oldest first: templated paths (never a query or a
   * title) and times. The browser runtime keeps at most 50, none older than 30 days.
   */
  views?: readonly PageView[];
}

/** One remembered page view: the templated path and when it was shown. */
export interface PageView {
  path: string;
  /** Epoch milliseconds. */
  at: number;
}

/** Where the visitor is with the form on the page. */
export type FormState = 'untouched' | 'started' | 'errors' | 'abandoned' | 'submitted';

/** Form state as a fact: never a typed value. */
export interface FormFacts {
  state: FormState;
  /** Fields currently showing an error. */
  errors?: number;
}

/** Purposes an event can be sent for. */
export type Purpose = 'measurement' | 'help' | 'profiling';
/** State of consent for one purpose. */
export type ConsentState = 'granted' | 'denied' | 'pending';

/** A condition counting signals: `{ "signal": "rage_click", "target": "pricing", "atLeast": 2, "within": "60s" }`. */
export interface SignalCondition {
  signal: SignalType;
  /** Target label or glob (`pricing*`); any target when absent. */
  target?: string;
  /** Minimum number of matching signals (default 1). */
  atLeast?: number;
  /** Time window such as `"30s"`, `"5m"`, `"2h"` (default: the whole page view). */
  within?: string;
}

/** A condition on the page path, a glob such as `/pricing*`. */
export interface PageCondition {
  page: string;
}

/**
 * A condition counting remembered page views whose path matches a glob:
 * `{ "views": "/pricing*", "atLeast": 2, "within": "30m" }`.
 */
export interface ViewsCondition {
  /** Path glob such as `/pricing*`, matched like a `page` condition's. */
  views: string;
  /** Minimum number of matching views, this one included (default 1, at most 50: the views a device keeps). */
  atLeast?: number;
  /** Time window such as `"30m"` or `"7d"` (default: every remembered view, up to 30 days). */
  within?: string;
}

/**
 * Fact names a condition can test. `visitor.daysSinceFirstVisit` is derived from
 * `visitor.firstSeen` and the clock; `dwell` and `idle` compare against durations (`"30s"`).
 */
export type FactName =
  | 'page.path'
  | 'page.referrer'
  | `page.utm.${string}`
  | 'visitor.returning'
  | 'visitor.visits'
  | 'visitor.daysSinceFirstVisit'
  | 'dwell'
  | 'idle'
  | 'stage'
  | 'device'
  | 'locale'
  | `consent.${Purpose}`
  | `profile.${string}`
  | 'intents'
  | 'form.state'
  | 'form.errors';

/** A scalar a fact condition compares with. */
export type FactValue = string | number | boolean;

/** Comparison operators of a fact condition, in the spirit of GrowthBook's. */
export type FactOperator =
  | 'eq'
  | 'ne'
  | 'in'
  | 'nin'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'between'
  | 'exists'
  | 'contains'
  | 'startsWith'
  | 'glob'
  | 'regex';

/**
 * A condition on one fact with exactly one operator:
 * `{ "fact": "visitor.visits", "gte": 3 }`, `{ "fact": "dwell", "gt": "30s" }`,
 * `{ "fact": "page.utm.utm_source", "in": ["newsletter", "partner"] }`.
 */
export interface FactCondition {
  fact: FactName;
  eq?: FactValue;
  ne?: FactValue;
  in?: FactValue[];
  nin?: FactValue[];
  gt?: number | string;
  gte?: number | string;
  lt?: number | string;
  lte?: number | string;
  between?: [number | string, number | string];
  exists?: boolean;
  contains?: FactValue;
  startsWith?: string;
  glob?: string;
  /** A bounded regular expression (no nested quantifiers, no backreferences), compiled at load. */
  regex?: string;
}

/** A condition on a named intent: inferred by the runtime or defined in the file's `intents`. */
export interface IntentCondition {
  intent: string;
}

/** Nested logic: every child passes. */
export interface AllCondition { all: Condition[] }
/** Nested logic: at least one child passes. */
export interface AnyCondition { any: Condition[] }
/** Nested logic: no child passes. */
export interface NoneCondition { none: Condition[] }
/** Nested logic: the child fails. */
export interface NotCondition { not: Condition }

/** A condition tree. */
export type Condition =
  | SignalCondition
  | PageCondition
  | ViewsCondition
  | FactCondition
  | IntentCondition
  | AllCondition
  | AnyCondition
  | NoneCondition
  | NotCondition;

/** A link in help content. Only `https:`, `http:`, `mailto:`, `tel:` and relative URLs are accepted. */
export interface HelpLink {
  label: string;
  href: string;
}

/** What a help card says. Text only: never HTML. */
export interface HelpContent {
  title: string;
  body: string;
  links?: HelpLink[];
}

/** Text of one locale variant: any field left out falls back to the default text. */
export interface ContentVariant {
  title?: string;
  body?: string;
  links?: HelpLink[];
  question?: string;
  options?: AskOption[];
  label?: string;
  because?: string;
  /** An `ask` action's why-line in this locale. */
  why?: string;
  /** An intent's `describe` text in this locale (intents' variants hold nothing else). */
  describe?: string;
}

/** Fields every action shares. */
export interface ActionBase {
  /** `false` is refused: every intervention needs a way out. Default `true`. */
  dismissible?: boolean;
  /** Variants by BCP 47 tag (`de`, `fr-CA`); the closest to `facts.locale` wins. */
  locales?: Record<string, ContentVariant>;
}

/** The action a rule takes when it fires: a help card. */
export interface HelpAction extends HelpContent, ActionBase {
  type: 'help';
  /**
   * Also offer "Talk to a person" on the card: `true` hands off through the site's `handoff`
   * callback; a route names the channel (and its fallback) the button uses.
   */
  handoff?: boolean | HandoffRoute;
  /**
   * `"articles"`: show the best-matching article of the rules file's `knowledge` file for the
   * struggle's page and targets (see `pickArticle`); `title` and `body` are shown when none matches.
   */
  from?: 'articles';
  /** With `from`: tags that favour articles carrying them (2 points each). */
  tags?: string[];
}

/** One choice of a profiling question. */
export interface AskOption {
  value: string;
  label: string;
}

/** Ask one progressive-profiling question; the answer lands in `facts.profile[field]`. */
export interface AskAction extends ActionBase {
  type: 'ask';
  /** The profile field the answer fills. A rule never asks for a field already known. */
  field: string;
  question: string;
  /** Choices; a free-text answer when absent. */
  options?: AskOption[];
  /** How it is answered: `single` (default with options), `multiple`, `text` (default without) or `email`. */
  input?: 'single' | 'multiple' | 'text' | 'email';
  /** Why it is asked and how the answer will be used, shown under the question (expected for `email`). */
  why?: string;
}

/** The chat widgets a handoff can open, each through the vendor's documented page API. */
export type ChatAdapterName = 'intercom' | 'zendesk' | 'hubspot' | 'crisp' | 'tawk' | 'freshchat';

/**
 * Channels a handoff to a human can use: `url` and `mailto` templates (`link` and `email` are
 * their older names, `phone` a `tel:` link); a chat widget already on the page; `callback` (and its
 * older name `chat`): the site's own code, through npm `onHandoff` or `attune('on', 'handoff', fn)`.
 */
export type HandoffChannel = 'url' | 'mailto' | 'email' | 'phone' | 'link' | 'chat' | 'callback' | ChatAdapterName;

/** What the visitor gets when the channel is not available on the page: a link or an email address. */
export interface HandoffFallback {
  /** `https:`, `http:`, `mailto:`, `tel:` or a relative path; `{page}`, `{intent}`, `{rule}`, `{summary}` and `{next}` are filled in. */
  href: string;
  /** Button text. Default "Contact us". */
  label?: string;
}

/** Where a handoff goes. */
export interface HandoffRoute {
  channel: HandoffChannel;
  /** The link template of `url`, `mailto`, `email`, `phone` and `link` channels (safe schemes only). */
  href?: string;
  /** For `url` and `link`: open in a new tab (`new_tab`, the default: the visitor keeps the page and what they filled in) or in place (`self`). */
  target?: 'self' | 'new_tab';
  /** Shown instead when the channel is missing or fails. The validator warns when a chat or callback channel has none. */
  fallback?: HandoffFallback;
  /** The recommended next action for the person picking it up; the built-in table's when absent. */
  next?: string;
}

/** Offer a human: the runtime opens the route's channel with the continuity record. */
export interface HandoffAction extends ActionBase, HandoffRoute {
  type: 'handoff';
  title: string;
  body: string;
  /** Button text, such as "Talk to sales". */
  label?: string;
}

/** Hand the decision to the app: its callback registered under `name` renders whatever it likes. */
export interface CallbackAction extends ActionBase {
  type: 'callback';
  name: string;
  title?: string;
  body?: string;
}

/** Any action a rule can take. */
export type Action = HelpAction | AskAction | HandoffAction | CallbackAction;

/** The kinds of action. */
export type ActionType = Action['type'];

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
  /** Regular expressions of `regex` conditions, compiled once at load, by source. */
  regexes?: ReadonlyMap<string, RegExp>;
  /** Index of each rule in the source file, for trace paths; the position in `rules` when absent. */
  sourceIndex?: readonly number[];
  /** The file's `knowledge` reference, as written. */
  knowledge?: string;
}

/** What the visitor did about earlier interventions: the fatigue ledger. */
export interface History {
  /** Interventions shown, oldest first. */
  shown: readonly ShownEntry[];
  /** Dismissals, oldest first. `skip` is a skipped question. */
  dismissed: readonly { ruleId: string; at: number; kind: 'dismiss' | 'snooze' | 'never' | 'skip' }[];
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

/** An intent's visitor-facing text and its locale variants, as validated. */
export interface IntentText {
  describe?: string;
  locales?: Readonly<Record<string, { describe?: string }>>;
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
 */
export type Reason =
  | { kind: 'intent'; intent: string; text: string }
  | ({ kind: 'signal' } & Evidence)
  | { kind: 'dwell' }
  | { kind: 'page'; pattern: string }
  | { kind: 'views'; pattern: string; count: number }
  | { kind: 'visits'; count: number }
  | { kind: 'answer'; field: string };

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
}

/** One help article of a knowledge file: what a `help` action `from: "articles"` can show. */
export interface KnowledgeArticle {
  /** Unique within the file; letters, digits, `_`, `-`, `.`. */
  id: string;
  /** Shown as the card's title (at most 120 characters). */
  title: string;
  /** The full article (safe schemes only), linked from the card as "Read the article". */
  url: string;
  /** The short answer the card shows (at most 500 characters). */
  answer: string;
  /** Words that describe it: matched against a rule's `tags`, the signals, the intent and the words of the struggle's targets. */
  tags?: string[];
  /** Page globs it is about; an article with `pages` is never offered elsewhere. */
  pages?: string[];
  /** Target globs (selectors or `data-attune` labels, such as `#vat*` or `vat_number`) it explains. */
  targets?: string[];
}

/** What `validateKnowledge` found. */
export interface KnowledgeResult {
  ok: boolean;
  /** The valid articles in file order, or `null` when the file is unusable. */
  articles: KnowledgeArticle[] | null;
  errors: RuleIssue[];
  warnings: RuleIssue[];
}
