import { compareFact } from './compare-fact';
import { parseDuration } from './duration';
import { globMatch } from './glob-match';
import { childPath } from './json-path';
import { readFact } from './read-fact';
import { summarizeCondition } from './summarize-condition';
import type { Condition, Facts, FactOperator, TraceEntry } from './types';

/** What a condition evaluation reads. */
export interface ConditionScope {
  facts: Facts;
  now: number;
  intents?: Readonly<Record<string, Condition>> | undefined;
  regexes?: ReadonlyMap<string, RegExp> | undefined;
  /** Receives one entry per condition, parents before children. */
  trace: TraceEntry[];
}

/** Outcome of one condition: whether it passed and which signals (by index in `facts.signals`) satisfied it. */
export interface ConditionResult {
  passed: boolean;
  evidence: number[];
}

const FACT_OPERATOR_KEYS: readonly FactOperator[] = ['eq', 'ne', 'in', 'nin', 'gt', 'gte', 'lt', 'lte', 'between', 'exists', 'contains', 'startsWith', 'glob', 'regex'];

const observe = (value: unknown): string | number | boolean => {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value === undefined || value === null) return 'unknown';
  if (Array.isArray(value)) return value.slice(0, 20).join(', ');
  return 'unknown';
};

/**
 * Evaluates a validated condition tree against facts at `now`, appending one trace entry per
 * condition (JSON path, summary, observed value, passed). Pure: same input, same output.
 * Signals count only when `at <= now` and, with `within`, `now - at <= within`. Evidence
 * comes only from signal conditions that passed outside `not` and `none`. An intent passes
 * when the runtime lists it in `facts.intents` or its definition passes.
 *
 * @example evaluateCondition({ page: '/pricing*' }, '$.rules[0].when', scope) // { passed: true, evidence: [] }
 */
export function evaluateCondition(condition: Condition, path: string, scope: ConditionScope): ConditionResult {
  const entry: TraceEntry = { path, condition: summarizeCondition(condition), observed: false, passed: false };
  scope.trace.push(entry);
  const { facts, now } = scope;
  let result: ConditionResult;

  if ('signal' in condition) {
    const windowMs = condition.within === undefined ? null : parseDuration(condition.within);
    const matched: number[] = [];
    (facts.signals ?? []).forEach((s, i) => {
      if (s.type !== condition.signal || !(s.at <= now)) return;
      if (windowMs !== null && now - s.at > windowMs) return;
      if (condition.target !== undefined && !globMatch(condition.target, String(s.target))) return;
      matched.push(i);
    });
    const passed = matched.length >= (condition.atLeast ?? 1);
    entry.observed = matched.length;
    result = { passed, evidence: passed ? matched : [] };
  } else if ('page' in condition) {
    const pagePath = String(facts.page?.path ?? '');
    entry.observed = pagePath;
    result = { passed: globMatch(condition.page, pagePath), evidence: [] };
  } else if ('fact' in condition) {
    const op = FACT_OPERATOR_KEYS.find((k) => k in condition) as FactOperator;
    let value = readFact(condition.fact, facts, now);
    entry.observed = observe(value);
    if (condition.fact === 'dwell' || condition.fact === 'idle') value = typeof value === 'number' ? value : undefined;
    result = { passed: compareFact(op, (condition as unknown as Record<string, unknown>)[op], value, scope.regexes), evidence: [] };
  } else if ('intent' in condition) {
    const listed = Array.isArray(facts.intents) && facts.intents.includes(condition.intent);
    const definition = scope.intents?.[condition.intent];
    let evidence: number[] = [];
    let defined = false;
    if (definition) {
      const inner = evaluateCondition(definition, childPath('$.intents', condition.intent) + '.when', scope);
      defined = inner.passed;
      evidence = inner.evidence;
    }
    entry.observed = listed || defined;
    result = { passed: listed || defined, evidence };
  } else if ('not' in condition) {
    const inner = evaluateCondition(condition.not, childPath(path, 'not'), scope);
    entry.observed = inner.passed;
    result = { passed: !inner.passed, evidence: [] };
  } else {
    const kind = 'all' in condition ? 'all' : 'any' in condition ? 'any' : 'none';
    const children = (condition as Record<typeof kind, Condition[]>)[kind];
    const results = children.map((child, i) => evaluateCondition(child, childPath(childPath(path, kind), i), scope));
    const passing = results.filter((r) => r.passed).length;
    entry.observed = `${passing} of ${children.length} passed`;
    const passed = kind === 'all' ? passing === children.length : kind === 'any' ? passing > 0 : passing === 0;
    const evidence = passed && kind !== 'none' ? results.filter((r) => r.passed).flatMap((r) => r.evidence) : [];
    result = { passed, evidence };
  }
  entry.passed = result.passed;
  return result;
}
