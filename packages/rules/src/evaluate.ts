import { evaluateCondition, type ConditionScope } from './evaluate-condition';
import { collectEvidence } from './collect-evidence';
import { checkGuardrails } from './guardrails';
import { childPath } from './json-path';
import { localizeAction } from './localize-action';
import type { MatchBudget } from './match-budget';
import type { CompiledRules, Decision, Evaluation, Evidence, Facts, History, Reason, Rule, RuleOutcome, TraceEntry } from './types';

const EMPTY_HISTORY: History = { shown: [], dismissed: [] };

/**
 * Matcher steps one evaluation may take: `rule` for each rule or intent (every pass over its
 * conditions counts), `total` for the whole call. A step is one matcher state advanced over one
 * character, or one condition or signal visited; a few nanoseconds each, so the whole call stays
 * within tens of milliseconds whatever the rules and the page. Legitimate rules need a few hundred.
 */
export const EVALUATION_BUDGET = { rule: 1_000_000, total: 3_000_000 } as const;

/** Options for `evaluate`. */
export interface EvaluateOptions {
  /**
   * Trace every rule in `considered`, not only those whose conditions passed: the marketer's
   * full debug view. Default `false`, which keeps evaluation of many rules cheap.
   */
  traceAll?: boolean;
}

/** Builds the decision for a rule that acts: localized content, because, reasons, revision, holdout arm. */
export function decide(
  rule: Rule,
  facts: Facts,
  evidence: Evidence[],
  trace: TraceEntry[],
  shadow: boolean,
  reasons: Reason[] = [],
): Decision {
  const { action, because } = localizeAction(rule.show, facts.locale);
  const decision: Decision = { ruleId: rule.id, shadow, action, evidence, reasons, trace };
  const text = because ?? rule.because;
  if (text !== undefined) decision.because = text;
  if (rule.revision !== undefined) decision.revision = rule.revision;
  if (rule.holdout) decision.holdout = typeof facts.visitor?.id === 'string' && facts.visitor.id !== '' ? 'treatment' : 'unassigned';
  return decision;
}

/**
 * Decides what, if anything, to offer now. Pure and deterministic: the same rules, facts,
 * history and clock give the same result, with no network, storage or randomness.
 *
 * Rules are considered highest priority first (file order among equals); `off` rules are
 * skipped. For each rule whose `when` passes, guardrails run in this precedence, first match
 * wins (defaults on `checkGuardrails` and `DEFAULT_GUARDRAILS`): kill switch → quiet page →
 * never again → dismissed this session → snoozed → cooldown after a dismissal → the rule's
 * own caps → for questions: field already known, question budget, recent skip → group caps →
 * global session/day/week caps → minimum gap → another intervention visible → holdout.
 * The first live rule they allow becomes the `decision`; blocked live rules above it are
 * listed in `blocked`; live rules below it are `outranked`. A rule in its holdout is blocked (`holdout`) and the next rule may act, so the
 * control group sees what it would have seen without that rule. Every `shadow` rule that
 * passes its conditions and virtual guardrails goes to `shadow` and never becomes `decision`.
 * The visitor's id for holdouts is `facts.visitor.id`. Content is localized to `facts.locale`.
 * `considered` lists every rule that is not `off`, with its trace when its conditions passed
 * (every rule's trace with `{ traceAll: true }`).
 *
 * @example
 * const { decision } = evaluate(compiled, facts, history, Date.now());
 * if (decision) widget.show(decision.action, explain(decision, facts.locale));
 */
export function evaluate(rules: CompiledRules, given: Facts, history: History, now: number, options: EvaluateOptions = {}): Evaluation {
  const result: Evaluation = { decision: null, shadow: [], blocked: [], considered: [] };
  let total: number = EVALUATION_BUDGET.total;
  const overBudget = new Set<string>();
  // Runs one pass over a rule's or an intent's conditions inside its share of the budget; false once spent.
  const within = (name: string, pass: (budget: MatchBudget) => boolean): boolean => {
    const budget = { left: Math.min(EVALUATION_BUDGET.rule, total) };
    const start = budget.left;
    const passed = pass(budget);
    total -= start - Math.max(budget.left, 0);
    if (budget.left >= 0) return passed;
    // Out of budget: the rule counts as not matching; a matcher that could not pay did not run.
    overBudget.add(name);
    return false;
  };
  // The `intents` fact lists the runtime's inferred intents and every intent of the file that holds now.
  const defined = rules.intents ?? {};
  const holding = Object.keys(defined).filter((name) =>
    within(`intent:${name}`, (budget) =>
      evaluateCondition(defined[name]!, '', { facts: given, now, regexes: rules.regexes, budget, trace: null, evidence: null }),
    ),
  );
  const facts: Facts = holding.length ? { ...given, intents: [...new Set([...(given.intents ?? []), ...holding])] } : given;
  const ledger = history ?? EMPTY_HISTORY;
  const groups = new Map<string, string>();
  for (const rule of rules.rules ?? []) if (rule.group !== undefined) groups.set(rule.id, rule.group);
  // Scopes are built field by field: V8 takes a slow path spreading this object (20x slower).
  const scope = (
    budget: MatchBudget,
    trace: TraceEntry[] | null,
    evidence: number[] | null,
    reasons: Reason[] | null = null,
  ): ConditionScope => ({
    facts,
    now,
    intents: rules.intents,
    intentTexts: rules.intentTexts,
    regexes: rules.regexes,
    history: ledger,
    groups,
    budget,
    trace,
    evidence,
    reasons,
  });
  (rules.rules ?? []).forEach((rule, position) => {
    const status = rule.status ?? 'live';
    if (status === 'off') return;
    const shadow = status === 'shadow';
    const whenPath = () => childPath(childPath('$.rules', rules.sourceIndex?.[position] ?? position), 'when');
    // A cheap pass first: most rules do not match, and they need neither trace nor evidence.
    const matched = within(rule.id, (budget) => evaluateCondition(rule.when, '', scope(budget, null, null)));
    const considered: RuleOutcome = { ruleId: rule.id, matched, trace: [] };
    result.considered?.push(considered);
    const traceOnly = () => within(rule.id, (budget) => evaluateCondition(rule.when, whenPath(), scope(budget, considered.trace, null)));
    if (!matched) {
      if (options.traceAll && !overBudget.has(rule.id)) traceOnly();
      return;
    }
    if (!shadow && result.decision) {
      considered.blocked = 'outranked';
      if (options.traceAll) traceOnly();
      return;
    }
    const evidence: number[] = [];
    const reasons: Reason[] = [];
    if (
      !within(rule.id, (budget) => (evaluateCondition(rule.when, whenPath(), scope(budget, considered.trace, evidence, reasons)), true))
    ) {
      considered.matched = false;
      return;
    }
    const reason = checkGuardrails({ rule, compiled: rules, facts, history: ledger, now, shadow });
    if (reason) {
      considered.blocked = reason;
      result.blocked.push(shadow ? { ruleId: rule.id, reason, shadow: true } : { ruleId: rule.id, reason });
      return;
    }
    const decision = decide(rule, facts, collectEvidence(facts, evidence), considered.trace, shadow, reasons);
    if (shadow) result.shadow.push(decision);
    else result.decision = decision;
  });
  if (overBudget.size > 0) result.overBudget = [...overBudget];
  return result;
}
