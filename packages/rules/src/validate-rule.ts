import { childPath } from './json-path';
import { checkKeys, isObject, own, readText } from './read-fields';
import type { Rule, RuleStatus } from './types';
import { TEXT_LIMITS, validateAction } from './validate-action';
import { validateCondition, type ConditionContext } from './validate-condition';
import { readDuration, validateCaps } from './validate-defaults';

const RULE_KEYS = [
  'id',
  'status',
  'priority',
  'when',
  'show',
  'because',
  'description',
  'caps',
  'cooldown',
  'holdout',
  'group',
  'revision',
];
const STATUSES: readonly RuleStatus[] = ['live', 'shadow', 'off'];
const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

/** What a rule check needs besides the rule. */
export interface RuleContext extends ConditionContext {
  /** Group names declared in `defaults.groups`. */
  groups: readonly string[];
}

/**
 * Validates one rule and returns a clean copy, or `null` after reporting every problem
 * with its JSON path under `path` (such as `$.rules[2]`).
 *
 * @example validateRule({ id: 'a', when: { page: '/pricing*' }, show: { type: 'help', title: 'Hi', body: '…' } }, '$.rules[0]', context)
 */
export function validateRule(value: unknown, path: string, context: RuleContext): Rule | null {
  const { report } = context;
  if (!isObject(value)) {
    report.error(path, 'rule_not_object');
    return null;
  }
  let ok = checkKeys(value, RULE_KEYS, path, report, 'a rule');
  const id = own(value, 'id');
  if (typeof id !== 'string' || !ID.test(id)) {
    report.error(childPath(path, 'id'), 'bad_id');
    ok = false;
  }
  const rule: Partial<Rule> & Record<string, unknown> = { id: id as string };

  const status = own(value, 'status');
  if (status !== undefined) {
    if (typeof status !== 'string' || !STATUSES.includes(status as RuleStatus)) {
      report.error(childPath(path, 'status'), 'not_one_of', {
        key: 'status',
        values: STATUSES.join(', '),
        near: typeof status === 'string' ? report.near(status, STATUSES) : '',
      });
      ok = false;
    } else rule.status = status as RuleStatus;
  }
  const priority = own(value, 'priority');
  if (priority !== undefined) {
    if (typeof priority !== 'number' || !Number.isFinite(priority) || Math.abs(priority) > 1_000_000) {
      report.error(childPath(path, 'priority'), 'bad_priority');
      ok = false;
    } else rule.priority = priority;
  }

  if (own(value, 'when') === undefined) {
    report.error(childPath(path, 'when'), 'rule_without_when');
    ok = false;
  } else {
    const when = validateCondition(own(value, 'when'), childPath(path, 'when'), context);
    if (when) rule.when = when;
    else ok = false;
  }
  if (own(value, 'show') === undefined) {
    report.error(childPath(path, 'show'), 'rule_without_show');
    ok = false;
  } else {
    const show = validateAction(own(value, 'show'), childPath(path, 'show'), report);
    if (show) rule.show = show;
    else ok = false;
  }

  for (const [key, max] of [
    ['because', TEXT_LIMITS.because],
    ['description', 2000],
    ['revision', 64],
  ] as const) {
    const text = readText(value, key, path, report, { max });
    if (text === null) ok = false;
    else if (text !== undefined) rule[key] = text;
  }
  const caps = own(value, 'caps');
  if (caps !== undefined) {
    const clean = validateCaps(caps, childPath(path, 'caps'), report);
    if (clean) rule.caps = clean;
    else ok = false;
  }
  const cooldown = readDuration(value, 'cooldown', path, report, 60_000, 365 * 86_400_000);
  if (cooldown === null) ok = false;
  else if (cooldown !== undefined) rule.cooldown = cooldown;

  const holdout = own(value, 'holdout');
  if (holdout !== undefined) {
    if (typeof holdout !== 'number' || !(holdout >= 0 && holdout <= 0.5)) {
      report.error(childPath(path, 'holdout'), 'bad_holdout');
      ok = false;
    } else rule.holdout = holdout;
  }
  const group = own(value, 'group');
  if (group !== undefined) {
    if (typeof group !== 'string' || !context.groups.includes(group)) {
      report.error(childPath(path, 'group'), 'unknown_group', {
        name: String(group).slice(0, 64),
        near: typeof group === 'string' ? report.near(group, context.groups) : '',
      });
      ok = false;
    } else rule.group = group;
  }
  return ok ? (rule as Rule) : null;
}
