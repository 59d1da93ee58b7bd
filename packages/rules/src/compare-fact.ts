import type { BoundedRegex } from './bounded-regex';
import { parseDuration } from './duration';
import { globMatch } from './glob-match';
import { spend, type MatchBudget } from './match-budget';
import type { FactOperator, FactValue } from './types';

/** Text longer than this is cut before a `regex`, `glob` or `contains` test. */
const MAX_TESTED_LENGTH = 1000;

const toNumber = (v: unknown): number | null => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  const ms = parseDuration(v);
  return ms;
};

function testOne(
  op: FactOperator,
  operand: unknown,
  value: unknown,
  regexes: ReadonlyMap<string, BoundedRegex> | undefined,
  budget?: MatchBudget,
): boolean {
  const text = typeof value === 'string' ? value.slice(0, MAX_TESTED_LENGTH) : null;
  switch (op) {
    case 'eq':
      return value === operand || (typeof value === 'number' && toNumber(operand) === value);
    case 'in':
      return Array.isArray(operand) && operand.some((o) => testOne('eq', o, value, regexes, budget));
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const a = typeof value === 'number' && Number.isFinite(value) ? value : null;
      const b = toNumber(operand);
      if (a === null || b === null) return false;
      return op === 'gt' ? a > b : op === 'gte' ? a >= b : op === 'lt' ? a < b : a <= b;
    }
    case 'between': {
      if (!Array.isArray(operand)) return false;
      return testOne('gte', operand[0], value, regexes, budget) && testOne('lte', operand[1], value, regexes, budget);
    }
    case 'contains':
      return text !== null
        ? typeof operand === 'string' && spend(budget, text.length * (1 + (operand.length >> 5))) && text.includes(operand)
        : value === operand;
    case 'startsWith':
      return text !== null && typeof operand === 'string' && text.startsWith(operand);
    case 'glob':
      return text !== null && typeof operand === 'string' && globMatch(operand, text, budget);
    case 'regex': {
      if (text === null || typeof operand !== 'string') return false;
      // Validation compiled every pattern; an unknown one (hand-built rules) never matches.
      const regex = regexes?.get(operand);
      return !!regex && regex.test(text, budget);
    }
    default:
      return false;
  }
}

/**
 * Applies one operator to an observed fact value. An absent value passes only `exists: false`,
 * `ne` and `nin`. A list value (intents, multi-choice answers) passes when any element passes;
 * `ne` and `nin` pass when no element is equal. Durations such as `"30s"` compare as
 * milliseconds. Text is cut to 1,000 characters before pattern tests.
 *
 * @example compareFact('gte', 3, 4) // true
 * @example compareFact('contains', 'comparing', ['comparing', 'pricing']) // true
 */
export function compareFact(
  op: FactOperator,
  operand: unknown,
  value: unknown,
  regexes?: ReadonlyMap<string, BoundedRegex>,
  budget?: MatchBudget,
): boolean {
  const absent = value === undefined || value === null;
  if (op === 'exists') return operand === !absent;
  if (op === 'ne')
    return (
      absent ||
      (Array.isArray(value)
        ? !value.some((v) => testOne('eq', operand, v, regexes, budget))
        : !testOne('eq', operand, value, regexes, budget))
    );
  if (op === 'nin')
    return (
      absent ||
      (Array.isArray(value)
        ? !value.some((v) => testOne('in', operand, v, regexes, budget))
        : !testOne('in', operand, value, regexes, budget))
    );
  if (absent) return false;
  if (Array.isArray(value)) return value.slice(0, 100).some((v: FactValue) => testOne(op, operand, v, regexes, budget));
  return testOne(op, operand, value, regexes, budget);
}
