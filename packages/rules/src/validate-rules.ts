import { suggest } from './did-you-mean';
import { fnv1a } from './fnv1a';
import { checkInputLimits } from './input-limits';
import { createIssueReport, type IssueReport } from './issue-report';
import { childPath } from './json-path';
import { isObject, own } from './read-fields';
import type { CompiledRules, Condition, Defaults, Rule, ValidationResult } from './types';
import { validateCondition } from './validate-condition';
import { validateDefaults } from './validate-defaults';
import { validateRule } from './validate-rule';

const FILE_KEYS = ['$schema', 'version', 'enabled', 'defaults', 'intents', 'rules'];
const INTENT_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
/** Rules one file may hold. */
export const MAX_RULES = 500;

const structural = (report: IssueReport): ValidationResult => ({ ok: false, rules: null, errors: report.errors, warnings: report.warnings });

function readIntents(value: unknown, report: IssueReport, regexes: Map<string, RegExp>): { valid: Record<string, Condition>; names: string[] } {
  const valid: Record<string, Condition> = Object.create(null) as Record<string, Condition>;
  if (value === undefined) return { valid, names: [] };
  if (!isObject(value)) {
    report.error('$.intents', '`intents` must map intent names to `{ "when": … }`.');
    return { valid, names: [] };
  }
  const names = Object.keys(value).filter((k) => k !== '$comment');
  for (const name of names) {
    const path = childPath('$.intents', name);
    const definition = value[name];
    if (!INTENT_NAME.test(name)) {
      report.error(path, 'an intent name uses letters, digits, `_`, `-` or `.`, starting with a letter.');
      continue;
    }
    if (!isObject(definition)) {
      report.error(path, 'an intent must be an object such as `{ "when": { "page": "/pricing*" } }`.');
      continue;
    }
    let ok = true;
    for (const key of Object.keys(definition)) {
      if (key === 'when' || key === '$comment') continue;
      if (key === 'description') {
        if (typeof definition[key] !== 'string') {
          report.error(childPath(path, key), '`description` must be a string.');
          ok = false;
        }
        continue;
      }
      report.error(childPath(path, key), `unknown field \`${key.slice(0, 64)}\` in an intent.${suggest(key, ['when', 'description'])}`);
      ok = false;
    }
    if (own(definition, 'when') === undefined) {
      report.error(childPath(path, 'when'), 'an intent needs `when`: the conditions that mean the visitor has it.');
      continue;
    }
    const when = validateCondition(own(definition, 'when'), childPath(path, 'when'), {
      report,
      intents: new Set(),
      intentNames: names,
      regexes,
      inIntent: true,
    });
    if (when && ok) valid[name] = when;
  }
  return { valid, names };
}

/** A short, stable revision of a rule's content, so a decision records which copy fired. */
const revisionOf = (rule: Rule): string => fnv1a(JSON.stringify(rule)).toString(36);

function validateUnsafe(input: unknown): ValidationResult {
  const report = createIssueReport();
  const refused = checkInputLimits(input);
  if (refused) {
    report.error(refused.path, `refused: ${refused.message}`);
    return structural(report);
  }
  if (!isObject(input)) {
    report.error('$', 'a rules file must be a JSON object with a `rules` list.');
    return structural(report);
  }
  for (const key of Object.keys(input)) {
    if (!FILE_KEYS.includes(key) && key !== '$comment') {
      report.error(childPath('$', key), `unknown top-level field \`${key.slice(0, 64)}\`.${suggest(key, FILE_KEYS)}`);
    }
  }
  const rulesValue = own(input, 'rules');
  if (!Array.isArray(rulesValue)) {
    report.error('$.rules', rulesValue === undefined ? '`rules` is required: a list of rules.' : '`rules` must be a list of rules.');
    return structural(report);
  }
  if (rulesValue.length > MAX_RULES) {
    report.error('$.rules', `refused: ${rulesValue.length} rules; the limit is ${MAX_RULES}.`);
    return structural(report);
  }
  const version = own(input, 'version');
  if (version !== undefined && version !== 1) {
    report.error('$.version', `unsupported version ${JSON.stringify(version)?.slice(0, 20)}: this Attune reads version 1.`);
    return structural(report);
  }
  const enabled = own(input, 'enabled');
  if (enabled !== undefined && typeof enabled !== 'boolean') {
    report.error('$.enabled', '`enabled` is the kill switch: `true` or `false`.');
    return structural(report);
  }
  const schema = own(input, '$schema');
  if (schema !== undefined && typeof schema !== 'string') report.error('$.$schema', '`$schema` must be a URL string.');

  let defaults: Defaults | undefined;
  if (own(input, 'defaults') !== undefined) {
    const clean = validateDefaults(own(input, 'defaults'), '$.defaults', report);
    if (!clean) return structural(report);
    defaults = clean;
  }

  const regexes = new Map<string, RegExp>();
  const intents = readIntents(own(input, 'intents'), report, regexes);
  const context = {
    report,
    intents: new Set(Object.keys(intents.valid)),
    intentNames: intents.names,
    regexes,
    inIntent: false,
    groups: Object.keys(defaults?.groups ?? {}),
  };

  const kept: { rule: Rule; index: number }[] = [];
  const seen = new Set<string>();
  rulesValue.forEach((value, index) => {
    const path = childPath('$.rules', index);
    const before = report.errors.length;
    const rule = validateRule(value, path, context);
    const id = isObject(value) && typeof own(value, 'id') === 'string' ? (own(value, 'id') as string).slice(0, 64) : null;
    if (rule && seen.has(rule.id)) {
      report.error(childPath(path, 'id'), `duplicate id \`${rule.id}\`: rule ids must be unique.`);
    } else if (rule) {
      seen.add(rule.id);
      kept.push({ rule: rule.revision ? rule : { ...rule, revision: revisionOf(rule) }, index });
      return;
    }
    const count = report.errors.length - before;
    report.error(path, `rule ${id === null ? `#${index}` : `\`${id}\``} was skipped: ${count} error${count === 1 ? '' : 's'}.`);
  });

  // Highest priority first; Array.prototype.sort is stable, so file order breaks ties.
  kept.sort((a, b) => (b.rule.priority ?? 0) - (a.rule.priority ?? 0));
  const compiled: CompiledRules = {
    enabled: enabled !== false,
    rules: kept.map((k) => k.rule),
    sourceIndex: kept.map((k) => k.index),
    intents: intents.valid,
    regexes,
  };
  if (defaults) compiled.defaults = defaults;
  return { ok: true, rules: compiled, errors: report.errors, warnings: report.warnings };
}

/**
 * Validates an untrusted rules value (already parsed JSON). Every error names a JSON path
 * such as `$.rules[2].when.all[0].signal` and a reason. A rule that fails is skipped with an
 * error naming its id while the valid rules are kept (`ok: true`); a file that fails
 * structurally (not an object, no `rules` list, a refused key such as `__proto__`, nesting
 * over 32, oversized input, a bad version, kill switch or `defaults`) gives
 * `{ ok: false, rules: null }`. Never throws, whatever the input.
 *
 * @example
 * const result = validateRules(JSON.parse(text));
 * if (result.rules) runtime.use(result.rules);
 * for (const e of result.errors) console.warn(`[attune] ${e.path}: ${e.message}`);
 */
export function validateRules(input: unknown): ValidationResult {
  try {
    return validateUnsafe(input);
  } catch {
    // Only hostile input (a throwing getter or Proxy) gets here: refuse it without details.
    const report = createIssueReport();
    report.error('$', 'refused: the rules could not be read as plain JSON data.');
    return structural(report);
  }
}
