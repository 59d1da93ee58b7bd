export { parseRules } from './parse-rules';
export { validateRules } from './validate-rules';
export { compileRules } from './compile-rules';
export { ISSUE_MESSAGES } from './issue-messages';
export type { IssueCode, IssueParams } from './issue-messages';
export { evaluate } from './evaluate';
export { previewRule } from './preview-rule';
export { explain, explainSentences, type ExplainedSentence } from './explain';
export { lintRules, GLANCE_LIMITS } from './lint-rules';
export type { LintKind, LintOptions } from './lint-rules';
export { DEFAULT_GUARDRAILS } from './default-guardrails';
export { SIGNAL_TYPES } from './signal-types';
export { ruleNeeds } from './rule-needs';
export type { RuleNeeds } from './rule-needs';
export { PURPOSES, CONSENT_STATES } from './purposes';
export { DISMISS_KINDS } from './dismiss-kinds';
export type { ConsentChoice } from './purposes';
export { didYouMean } from './did-you-mean';
export { RULES_SCHEMA_URL } from './schema-url';
export { INPUT_LIMITS } from './input-limits';
export { parseDuration } from './duration';
export { globMatch } from './glob-match';
export { isSafeHref } from './safe-href';
export { holdoutBucket } from './holdout-bucket';
export { summarizeCondition } from './summarize-condition';
export { childPath } from './json-path';
export type { EvaluateOptions } from './evaluate';
export type {
  Action,
  ActionBase,
  ActionType,
  AllCondition,
  AnyCondition,
  AskAction,
  AskOption,
  Blocked,
  BlockReason,
  CallbackAction,
  Caps,
  CompiledRules,
  Condition,
  ConsentState,
  DismissKind,
  ContentVariant,
  Decision,
  Defaults,
  Evaluation,
  Evidence,
  FactCondition,
  FactName,
  FactOperator,
  FactValue,
  Facts,
  FormFacts,
  FormState,
  HandoffAction,
  HandoffChannel,
  HelpAction,
  HelpContent,
  HelpLink,
  History,
  IntentCondition,
  IntentDefinition,
  IntentText,
  NoneCondition,
  NotCondition,
  PageCondition,
  PageView,
  Purpose,
  Reason,
  ReferrerClass,
  Rule,
  RuleIssue,
  RuleOutcome,
  RulesFile,
  RuleStatus,
  ShownEntry,
  SignalCondition,
  SignalRecord,
  SignalType,
  TraceEntry,
  ValidationResult,
  ViewsCondition,
} from './types';
