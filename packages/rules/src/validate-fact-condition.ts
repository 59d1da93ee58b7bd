import type { BoundedRegex, RegexCompiler } from './bounded-regex';
import { parseDuration } from './duration';
import { FACT_NAMES, factSpec, type FactSpec } from './fact-catalog';
import type { IssueReport } from './issue-report';
import { childPath } from './json-path';
import { checkKeys, own, type JsonObject } from './read-fields';
import type { FactCondition, FactOperator, FactValue } from './types';

/** Every operator a fact condition may use. */
export const FACT_OPERATORS: readonly FactOperator[] = [
  'eq',
  'ne',
  'in',
  'nin',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'exists',
  'contains',
  'startsWith',
  'glob',
  'regex',
];

const OPERATORS_BY_KIND: Readonly<Record<FactSpec['kind'], readonly FactOperator[]>> = {
  string: ['eq', 'ne', 'in', 'nin', 'exists', 'contains', 'startsWith', 'glob', 'regex'],
  'text-or-list': ['eq', 'ne', 'in', 'nin', 'exists', 'contains', 'startsWith', 'glob', 'regex'],
  number: ['eq', 'ne', 'in', 'nin', 'gt', 'gte', 'lt', 'lte', 'between', 'exists'],
  duration: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between', 'exists'],
  boolean: ['eq', 'ne', 'exists'],
  list: ['contains', 'exists'],
};

const isScalar = (v: unknown): v is FactValue =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/** Reads one operand as the fact's kind wants it; reports and returns `null` when it does not fit. */
function readOperand(value: unknown, spec: FactSpec, fact: string, path: string, report: IssueReport): FactValue | null {
  if (spec.kind === 'duration') {
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
    if (parseDuration(value) !== null) return value as string;
    report.error(path, 'fact_wants_duration', { fact });
    return null;
  }
  if (spec.kind === 'number') {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    report.error(path, 'fact_wants_number', { fact, value: String(JSON.stringify(value)).slice(0, 40) });
    return null;
  }
  if (spec.kind === 'boolean') {
    if (typeof value === 'boolean') return value;
    report.error(path, 'fact_wants_boolean', { fact, value: String(JSON.stringify(value)).slice(0, 40) });
    return null;
  }
  if (typeof value !== 'string' || value.length > 500) {
    report.error(path, 'fact_wants_string', { fact });
    return null;
  }
  if (spec.values && !spec.values.includes(value)) {
    report.error(path, 'fact_value_unknown', {
      fact,
      value: value.slice(0, 40),
      values: spec.values.join(', '),
      near: report.near(value, spec.values),
    });
    return null;
  }
  return value;
}

const asNumber = (v: FactValue): number => (typeof v === 'number' ? v : (parseDuration(v) ?? Number.NaN));

/**
 * Validates `{ "fact": name, <one operator>: operand }` and returns a clean copy, or `null`
 * after reporting: an unknown fact (with a suggestion), no operator or more than one, an
 * operator that does not suit the fact, an operand of the wrong type or outside an enumeration,
 * an impossible `between`, or a `regex` that is invalid or could backtrack without bound.
 * Patterns are compiled with `compileRegex` and stored in `regexes` by source; without it a `regex` is refused.
 *
 * @example validateFactCondition({ fact: 'visitor.visits', gte: 3 }, '$.rules[0].when', report, regexes)
 */
export function validateFactCondition(
  object: JsonObject,
  path: string,
  report: IssueReport,
  regexes: Map<string, BoundedRegex>,
  compileRegex?: RegexCompiler,
): FactCondition | null {
  const keysOk = checkKeys(object, ['fact', ...FACT_OPERATORS], path, report, 'a fact condition');
  const fact = own(object, 'fact');
  const factPath = childPath(path, 'fact');
  if (typeof fact !== 'string') {
    report.error(factPath, 'bad_fact');
    return null;
  }
  const spec = factSpec(fact);
  if (!spec) {
    report.error(factPath, 'unknown_fact', { name: fact.slice(0, 64), near: report.near(fact, FACT_NAMES) });
    return null;
  }
  const operators = FACT_OPERATORS.filter((op) => own(object, op) !== undefined);
  if (operators.length !== 1) {
    if (operators.length === 0) report.error(path, 'operator_missing', { allowed: FACT_OPERATORS.join(', ') });
    else report.error(path, 'operators_mixed', { found: operators.join(', ') });
    return null;
  }
  const op = operators[0] as FactOperator;
  const opPath = childPath(path, op);
  const allowed = OPERATORS_BY_KIND[spec.kind];
  if (!allowed.includes(op)) {
    report.error(opPath, 'operator_not_for_fact', { op, fact, allowed: allowed.join(', ') });
    return null;
  }
  const operand = own(object, op);
  let clean: unknown = null;

  if (op === 'exists') {
    if (typeof operand !== 'boolean') report.error(opPath, 'not_boolean', { key: 'exists' });
    else clean = operand;
  } else if (op === 'in' || op === 'nin') {
    if (!Array.isArray(operand) || operand.length === 0 || operand.length > 100) {
      report.error(opPath, 'bad_value_list', { key: op });
    } else {
      const values = operand.map((v, i) => readOperand(v, spec, fact, childPath(opPath, i), report));
      if (values.every((v) => v !== null)) clean = values;
    }
  } else if (op === 'between') {
    if (!Array.isArray(operand) || operand.length !== 2) {
      report.error(opPath, 'bad_between');
    } else {
      const low = readOperand(operand[0], spec, fact, childPath(opPath, 0), report);
      const high = readOperand(operand[1], spec, fact, childPath(opPath, 1), report);
      if (low !== null && high !== null) {
        if (asNumber(low) > asNumber(high))
          report.error(opPath, 'impossible_range', { low: JSON.stringify(low), high: JSON.stringify(high) });
        else clean = [low, high];
      }
    }
  } else if (op === 'regex') {
    if (typeof operand !== 'string') {
      report.error(opPath, 'not_string', { key: 'regex' });
    } else {
      const compiled = compileRegex ? compileRegex(operand) : { code: 'regex_unavailable' as const };
      if (!('code' in compiled)) {
        regexes.set(operand, compiled);
        clean = operand;
      } else {
        report.error(opPath, compiled.code);
      }
    }
  } else if (op === 'glob' || op === 'startsWith') {
    if (typeof operand !== 'string' || operand.length > 500) report.error(opPath, 'bad_pattern_operand', { key: op });
    else clean = operand;
  } else if (op === 'contains' && spec.kind !== 'number') {
    if (!isScalar(operand)) report.error(opPath, 'bad_contains');
    else if (spec.kind === 'list' && typeof operand !== 'string') report.error(opPath, 'fact_wants_string', { fact });
    else clean = operand;
  } else {
    clean = readOperand(operand, spec, fact, opPath, report);
  }
  if (clean === null || !keysOk) return null;
  return { fact, [op]: clean } as unknown as FactCondition;
}
