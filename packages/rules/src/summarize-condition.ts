import type { Condition, FactCondition, FactOperator } from './types';

const SYMBOLS: Partial<Record<FactOperator, string>> = { eq: '=', ne: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤' };
const show = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : String(v));

function summarizeFact(condition: FactCondition): string {
  const entry = Object.entries(condition).find(([key]) => key !== 'fact');
  if (!entry) return condition.fact;
  const [op, operand] = entry as [FactOperator, unknown];
  const symbol = SYMBOLS[op];
  if (symbol) return `${condition.fact} ${symbol} ${show(operand)}`;
  switch (op) {
    case 'in':
      return `${condition.fact} in [${(operand as unknown[]).map(show).join(', ')}]`;
    case 'nin':
      return `${condition.fact} not in [${(operand as unknown[]).map(show).join(', ')}]`;
    case 'between':
      return `${condition.fact} between ${show((operand as unknown[])[0])} and ${show((operand as unknown[])[1])}`;
    case 'exists':
      return operand ? `${condition.fact} is known` : `${condition.fact} is unknown`;
    case 'startsWith':
      return `${condition.fact} starts with ${show(operand)}`;
    case 'regex':
      return `${condition.fact} matches /${String(operand)}/`;
    default:
      return `${condition.fact} ${op} ${show(operand)}`;
  }
}

/**
 * One line of plain text describing a condition's own test (not its children), as the
 * decision trace and the CLI print it: `rage_click on pricing* ≥ 1 within 60s`,
 * `page matches /pricing*`, `views of /pricing* ≥ 2 within 30m`, `visitor.visits ≥ 3`, `all of 2`.
 *
 * @example summarizeCondition({ signal: 'rage_click', target: 'pricing*', atLeast: 1, within: '60s' })
 * // 'rage_click on pricing* ≥ 1 within 60s'
 */
export function summarizeCondition(condition: Condition): string {
  if ('signal' in condition) {
    const target = condition.target === undefined ? '' : ` on ${condition.target}`;
    const within = condition.within === undefined ? '' : ` within ${condition.within}`;
    return `${condition.signal}${target} ≥ ${condition.atLeast ?? 1}${within}`;
  }
  if ('page' in condition) return `page matches ${condition.page}`;
  if ('views' in condition)
    return `views of ${condition.views} ≥ ${condition.atLeast ?? 1}${condition.within === undefined ? '' : ` within ${condition.within}`}`;
  if ('fact' in condition) return summarizeFact(condition);
  if ('intent' in condition) return `intent ${condition.intent}`;
  if ('was' in condition) {
    const subject = condition.rule !== undefined ? `rule ${condition.rule}` : `group ${condition.group}`;
    return `${subject} was ${condition.was.replace('_', ' ')}${condition.within === undefined ? '' : condition.within === 'session' ? ' this session' : ` within ${condition.within}`}`;
  }
  if ('all' in condition) return `all of ${condition.all.length}`;
  if ('any' in condition) return `any of ${condition.any.length}`;
  if ('none' in condition) return `none of ${condition.none.length}`;
  return 'not';
}
