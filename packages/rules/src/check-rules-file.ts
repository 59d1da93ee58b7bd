import type { BoundedRegex, RegexCompiler } from './bounded-regex';
import { fnv1a } from './fnv1a';
import { checkInputLimits, INPUT_LIMITS } from './input-limits';
import { createIssueReport, type IssueFormatter, type IssueReport, type NameSuggester } from './issue-report';
import { childPath } from './json-path';
import { checkComment, checkKeys, isObject, own, readText } from './read-fields';
import type { CompiledRules, Condition, Defaults, IntentText, Rule, ValidationResult } from './types';
import { readLocales, TEXT_LIMITS } from './validate-action';
import { validateCondition } from './validate-condition';
import { validateDefaults } from './validate-defaults';
import { validateRule } from './validate-rule';
import { readKnowledgeRef, warnArticlesWithoutKnowledge } from './knowledge-ref';

const FILE_KEYS = ['$schema', 'version', 'enabled', 'defaults', 'intents', 'knowledge', 'rules'];
const INTENT_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
/** Rules one file may hold. */
export const MAX_RULES = 1000;

const structural = (report: IssueReport): ValidationResult => ({
  ok: false,
  rules: null,
  errors: report.errors,
  warnings: report.warnings,
});

const INTENT_KEYS = ['when', 'description', 'describe', 'locales'];

interface Intents {
  valid: Record<string, Condition>;
  texts: Record<string, IntentText>;
  names: string[];
}

function readIntents(
  value: unknown,
  report: IssueReport,
  regexes: Map<string, BoundedRegex>,
  compileRegex: RegexCompiler | undefined,
): Intents {
  const valid: Record<string, Condition> = Object.create(null) as Record<string, Condition>;
  const texts: Record<string, IntentText> = Object.create(null) as Record<string, IntentText>;
  if (value === undefined) return { valid, texts, names: [] };
  if (!isObject(value)) {
    report.error('$.intents', 'intents_not_object');
    return { valid, texts, names: [] };
  }
  checkComment(value, '$.intents', report);
  const names = Object.keys(value).filter((k) => k !== '$comment');
  for (const name of names) {
    const path = childPath('$.intents', name);
    const definition = value[name];
    if (!INTENT_NAME.test(name)) {
      report.error(path, 'bad_name', { key: 'intent' });
      continue;
    }
    if (!isObject(definition)) {
      report.error(path, 'intent_not_object');
      continue;
    }
    const before = report.errors.length;
    checkKeys(definition, INTENT_KEYS, path, report, 'an intent');
    // The note, like a rule's, may be long; the visitor's sentence may not.
    const [, describe] = (['description', 'describe'] as const).map((key) =>
      readText(definition, key, path, report, { max: TEXT_LIMITS[key] }),
    );
    const locales = own(definition, 'locales') === undefined ? undefined : readLocales(definition, 'intent', path, report, undefined);
    const ok = report.errors.length === before;
    if (own(definition, 'when') === undefined) {
      report.error(childPath(path, 'when'), 'intent_without_when');
      continue;
    }
    const when = validateCondition(own(definition, 'when'), childPath(path, 'when'), {
      report,
      intents: new Set(),
      intentNames: names,
      regexes,
      compileRegex,
      inIntent: true,
    });
    if (!when || !ok) continue;
    valid[name] = when;
    // Only valid intents get here, so neither text is null.
    if (describe || locales) texts[name] = (locales ? { describe, locales } : { describe }) as IntentText;
  }
  return { valid, texts, names };
}

/** A short, stable revision of a rule's content, so a decision records which copy fired. */
const revisionOf = (rule: Rule): string => fnv1a(JSON.stringify(rule)).toString(36);

function checkUnsafe(
  input: unknown,
  format: IssueFormatter,
  suggest: NameSuggester | undefined,
  compileRegex: RegexCompiler | undefined,
): ValidationResult {
  const report = createIssueReport(format, suggest);
  // A rule nested too deep is refused alone, below; anything else too deep refuses the file.
  const deepRules = new Map<number, string>();
  const refused = checkInputLimits(input, deepRules);
  if (refused) {
    report.error(refused.path, refused.code, refused.params);
    return structural(report);
  }
  if (!isObject(input)) {
    report.error('$', 'file_not_object');
    return structural(report);
  }
  checkComment(input, '$', report);
  for (const key of Object.keys(input)) {
    if (!FILE_KEYS.includes(key) && key !== '$comment') {
      report.error(childPath('$', key), 'unknown_field', { key: key.slice(0, 64), where: 'the file', near: report.near(key, FILE_KEYS) });
    }
  }
  const rulesValue = own(input, 'rules');
  if (!Array.isArray(rulesValue)) {
    report.error('$.rules', rulesValue === undefined ? 'rules_missing' : 'rules_not_list');
    return structural(report);
  }
  if (rulesValue.length > MAX_RULES) {
    report.error('$.rules', 'refused_rules', { count: rulesValue.length, max: MAX_RULES });
    return structural(report);
  }
  const version = own(input, 'version');
  if (version !== undefined && version !== 1) {
    report.error('$.version', 'bad_version', { value: String(JSON.stringify(version)).slice(0, 20) });
    return structural(report);
  }
  const enabled = own(input, 'enabled');
  if (enabled !== undefined && typeof enabled !== 'boolean') {
    report.error('$.enabled', 'bad_enabled');
    return structural(report);
  }
  const schema = own(input, '$schema');
  if (schema !== undefined && typeof schema !== 'string') report.error('$.$schema', 'not_string', { key: '$schema' });
  const knowledge = readKnowledgeRef(input, report);

  let defaults: Defaults | undefined;
  if (own(input, 'defaults') !== undefined) {
    const clean = validateDefaults(own(input, 'defaults'), '$.defaults', report);
    if (!clean) return structural(report);
    defaults = clean;
  }

  const regexes = new Map<string, BoundedRegex>();
  const intents = readIntents(own(input, 'intents'), report, regexes, compileRegex);
  const context = {
    report,
    intents: new Set(Object.keys(intents.valid)),
    intentNames: intents.names,
    regexes,
    compileRegex,
    inIntent: false,
    groups: Object.keys(defaults?.groups ?? {}),
  };

  const kept: { rule: Rule; index: number }[] = [];
  const seen = new Set<string>();
  rulesValue.forEach((value, index) => {
    const path = childPath('$.rules', index);
    const before = report.errors.length;
    const deep = deepRules.get(index);
    if (deep) report.error(deep, 'refused_depth', { max: INPUT_LIMITS.depth });
    const rule = deep ? null : validateRule(value, path, context);
    const id = isObject(value) && typeof own(value, 'id') === 'string' ? (own(value, 'id') as string).slice(0, 64) : null;
    if (rule && seen.has(rule.id)) {
      report.error(childPath(path, 'id'), 'duplicate_id', { id: rule.id });
    } else if (rule) {
      seen.add(rule.id);
      kept.push({ rule: rule.revision ? rule : { ...rule, revision: revisionOf(rule) }, index });
      return;
    }
    const count = report.errors.length - before;
    report.error(path, 'rule_skipped', { id: id === null ? `#${index}` : `\`${id}\``, count });
  });

  // Highest priority first; Array.prototype.sort is stable, so file order breaks ties.
  kept.sort((a, b) => (b.rule.priority ?? 0) - (a.rule.priority ?? 0));
  const compiled: CompiledRules = {
    enabled: enabled !== false,
    rules: kept.map((k) => k.rule),
    sourceIndex: kept.map((k) => k.index),
    intents: intents.valid,
    intentTexts: intents.texts,
    regexes,
  };
  if (defaults) compiled.defaults = defaults;
  if (knowledge) compiled.knowledge = knowledge;
  else warnArticlesWithoutKnowledge(kept, report);
  return { ok: true, rules: compiled, errors: report.errors, warnings: report.warnings };
}

/**
 * Checks an untrusted rules value with a given message formatter: the engine behind
 * `validateRules` (sentences for people) and `compileRules` (codes for small bundles). `regex`
 * conditions compile with `compileRegex`, and are refused without it.
 * Never throws, whatever the input.
 *
 * @example checkRulesFile(JSON.parse(text), formatIssueMessage)
 */
export function checkRulesFile(
  input: unknown,
  format: IssueFormatter,
  suggest?: NameSuggester,
  compileRegex?: RegexCompiler,
): ValidationResult {
  try {
    return checkUnsafe(input, format, suggest, compileRegex);
  } catch {
    // Only hostile input (a throwing getter or Proxy) gets here: refuse it without details.
    const report = createIssueReport(format);
    report.error('$', 'refused_unreadable');
    return structural(report);
  }
}
