/**
 * The rule format and the shapes the evaluator reads and returns.
 * Nothing here touches the DOM: the same types serve the browser runtime,
 * the CLI simulator and the collector's report.
 */

export type { SignalType } from './signal-types';
export type { DismissKind } from './dismiss-kinds';
export type { ConsentState, Purpose, ConsentChoice } from './purposes';
export type { SignalRecord, ReferrerClass, Facts, PageView, FormState, FormFacts } from './fact-types';
export type {
  SignalCondition,
  PageCondition,
  ViewsCondition,
  FactName,
  FactValue,
  FactOperator,
  FactCondition,
  IntentCondition,
  HistoryCondition,
  HistoryOutcome,
  AllCondition,
  AnyCondition,
  NoneCondition,
  NotCondition,
  Condition,
} from './condition-types';
export type {
  HelpLink,
  HelpContent,
  ContentVariant,
  ActionBase,
  HelpAction,
  AskOption,
  AskAction,
  HandoffChannel,
  HandoffAction,
  CallbackAction,
  Action,
  ActionType,
  ChatAdapterName,
  HandoffFallback,
  HandoffRoute,
} from './action-types';
export type { KnowledgeArticle, KnowledgeResult } from './knowledge-types';
export type {
  Caps,
  Defaults,
  IntentDefinition,
  RuleStatus,
  Rule,
  RulesFile,
  RuleIssue,
  ValidationResult,
  CompiledRules,
  IntentText,
} from './rule-types';
export type {
  History,
  ShownEntry,
  TraceEntry,
  Evidence,
  Reason,
  Decision,
  Blocked,
  BlockReason,
  RuleOutcome,
  Evaluation,
} from './decision-types';
