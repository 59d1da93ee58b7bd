export { parseRules } from './parse-rules';
export { validateRules } from './validate-rules';
export { compileRules } from './compile-rules';
export { ISSUE_MESSAGES } from './issue-messages';
export type { IssueCode, IssueParams } from './issue-messages';
export { evaluate, EVALUATION_BUDGET } from './evaluate';
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
export { SIGNAL_STRENGTH, warnWeakEvidence, type SignalStrength } from './signal-strength';
export { didYouMean } from './did-you-mean';
export { RULES_SCHEMA_URL } from './schema-url';
export { INPUT_LIMITS } from './input-limits';
export { parseDuration } from './duration';
export { globMatch, globCost } from './glob-match';
export { compileBoundedRegex, MAX_REGEX_LENGTH, MAX_REGEX_STATES } from './bounded-regex';
export type { BoundedRegex, RegexCompiler, RegexIssue } from './bounded-regex';
export type { MatchBudget } from './match-budget';
export { isSafeHref } from './safe-href';
export { holdoutBucket } from './holdout-bucket';
export { summarizeCondition } from './summarize-condition';
export { childPath } from './json-path';
export { validateKnowledge, checkKnowledgeFile, MAX_ARTICLES } from './validate-knowledge';
export { scoreArticle, pickArticle, ARTICLE_POINTS } from './score-articles';
export type { ArticleQuery } from './score-articles';
export { recommendNextAction, NEXT_ACTION_TABLE } from './recommend-next-action';
export type { NextActionRow } from './recommend-next-action';
export { HANDOFF_CHANNELS, CHAT_ADAPTERS, needsFallback } from './validate-handoff-route';
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
  HandoffFallback,
  HandoffRoute,
  ChatAdapterName,
  KnowledgeArticle,
  KnowledgeResult,
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
