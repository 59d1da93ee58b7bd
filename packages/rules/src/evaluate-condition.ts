import { compareFact } from './compare-fact';
import { parseDuration } from './duration';
import { globMatch } from './glob-match';
import { childPath } from './json-path';
import { readFact } from './read-fact';
import { summarizeCondition } from './summarize-condition';
import type { Condition, Facts, FactOperator, TraceEntry } from './types';

/** What a condition evaluation reads and where it writes its findings. */
export interface ConditionScope {
  facts: Facts;
  now: number;
  intents?: Readonly<Record<string, Condition>> | undefined;
  regexes?: ReadonlyMap<string, RegExp> | undefined;
  /** Receives one entry per condition, parents before children; `null` skips the trace (the fast path). */
  trace: TraceEntry[] | null;
  /** Receives the indices in `facts.signals` of the signals that made the tree pass; `null` skips evidence. */
  evidence: number[] | null;
}

const FACT_OPERATOR_KEYS: readonly FactOperator[] = ['eq', 'ne', 'in', 'nin', 'gt', 'gte', 'lt', 'lte', 'between', 'exists', 'contains', 'startsWith', 'glob', 'regex'];

const observe = (value: unknown): string | number | boolean => {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.slice(0, 20).join(', ');
  return 'unknown';
};

function countSignals(condition: Extract<Condition, { signal: unknown }>, scope: ConditionScope): number {
  const windowMs = condition.within === undefined ? null : parseDuration(condition.within);
  const signals = scope.facts.signals ?? [];
  const { now, evidence } = scope;
  const mark = evidence?.length ?? 0;
  let count = 0;
  for (let i = 0; i < signals.length; i++) {
    const s = signals[i];
    if (!s || s.type !== condition.signal || !(s.at <= now)) continue;
    if (windowMs !== null && now - s.at > windowMs) continue;
    if (condition.target !== undefined && !globMatch(condition.target, String(s.target))) continue;
    count++;
    evidence?.push(i);
  }
  if (evidence && count < (condition.atLeast ?? 1)) evidence.length = mark;
  return count;
}

/**
 * Evaluates a validated condition tree against facts at `now`. Returns whether it passed.
 * With `scope.trace`, appends one entry per condition (JSON path, summary, observed value,
 * passed); with `scope.evidence`, collects the signals that satisfied it. Without them it
 * allocates almost nothing, so the many rules that do not match stay cheap. Pure.
 * Signals count only when `at <= now` and, with `within`, `now - at <= within`. Evidence
 * comes only from signal conditions that passed outside `not` and `none`, in branches that
 * passed. An intent passes when the runtime lists it in `facts.intents` or its definition passes.
 *
 * @example evaluateCondition({ page: '/pricing*' }, '$.rules[0].when', scope) // true
 */
export function evaluateCondition(condition: Condition, path: string, scope: ConditionScope): boolean {
  const { facts, trace, evidence } = scope;
  let entry: TraceEntry | null = null;
  if (trace) {
    entry = { path, condition: summarizeCondition(condition), observed: false, passed: false };
    trace.push(entry);
  }
  const mark = evidence?.length ?? 0;
  let passed: boolean;
  let observed: string | number | boolean;

  if ('signal' in condition) {
    const count = countSignals(condition, scope);
    passed = count >= (condition.atLeast ?? 1);
    observed = count;
  } else if ('page' in condition) {
    const pagePath = String(facts.page?.path ?? '');
    passed = globMatch(condition.page, pagePath);
    observed = pagePath;
  } else if ('fact' in condition) {
    const op = FACT_OPERATOR_KEYS.find((k) => k in condition) as FactOperator;
    let value = readFact(condition.fact, facts, scope.now);
    observed = trace ? observe(value) : false;
    if ((condition.fact === 'dwell' || condition.fact === 'idle') && typeof value !== 'number') value = undefined;
    passed = compareFact(op, (condition as unknown as Record<string, unknown>)[op], value, scope.regexes);
  } else if ('intent' in condition) {
    const listed = Array.isArray(facts.intents) && facts.intents.includes(condition.intent);
    const definition = scope.intents?.[condition.intent];
    const defined = definition ? evaluateCondition(definition, trace ? `${childPath('$.intents', condition.intent)}.when` : '', scope) : false;
    passed = listed || defined;
    observed = passed;
  } else if ('not' in condition) {
    const inner = evaluateCondition(condition.not, trace ? childPath(path, 'not') : '', scope);
    passed = !inner;
    observed = inner;
  } else {
    const kind = 'all' in condition ? 'all' : 'any' in condition ? 'any' : 'none';
    const children = (condition as Record<typeof kind, Condition[]>)[kind];
    const listPath = trace ? childPath(path, kind) : '';
    let passing = 0;
    for (let i = 0; i < children.length; i++) {
      const childMark = evidence?.length ?? 0;
      const ok = evaluateCondition(children[i] as Condition, trace ? childPath(listPath, i) : '', scope);
      if (ok) passing++;
      else if (evidence) evidence.length = childMark;
      // Without a trace the outcome is settled as soon as one child decides it.
      if (!trace && ((kind === 'all' && !ok) || (kind !== 'all' && ok))) break;
    }
    passed = kind === 'all' ? passing === children.length : kind === 'any' ? passing > 0 : passing === 0;
    observed = `${passing} of ${children.length} passed`;
  }

  if (evidence && (!passed || 'not' in condition || 'none' in condition)) evidence.length = mark;
  if (entry) {
    entry.observed = observed;
    entry.passed = passed;
  }
  return passed;
}
