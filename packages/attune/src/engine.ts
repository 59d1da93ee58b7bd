// The rules engine chunk: validation, evaluation and explanations. It is
// loaded lazily, on the first signal of struggle (or at idle when a rule can
// fire without one), so calm pages never pay for it.
import { evaluate, explain, parseRules, validateRules, type CompiledRules, type Decision, type Evaluation, type Facts, type History, type RulesFile, type ValidationResult } from '@attune/rules';
import type { Logger } from '@attune/core';

/** Validated rules, ready to decide. */
export interface Engine {
  /** The pure evaluator over the loaded rules. */
  evaluate(facts: Facts, history: History, now: number): Evaluation;
  /** The visitor's "Why am I seeing this?" text. */
  explain(decision: Decision, locale?: string): string;
  /** The validated rules (for preview). */
  rules: CompiledRules;
}

/** The engine chunk's entry, as the runtime sees it. */
export interface EngineModule {
  createEngine(source: string | RulesFile, where: string, log: Logger): Engine | null;
}

const report = (result: ValidationResult, where: string, log: Logger): CompiledRules | null => {
  for (const issue of result.errors) log.warn(`rules ${where}: ${issue.path}: ${issue.message}`);
  for (const issue of result.warnings) log.debug(`rules ${where}: ${issue.path}: ${issue.message}`);
  if (!result.ok || !result.rules) {
    log.warn(`rules ${where} are not usable; Attune stays inert on this page`);
    return null;
  }
  return result.rules;
};

/**
 * Validates the rules (JSON text or an object) and returns an engine over the
 * valid ones, or `null` when the file failed structurally. Every problem is
 * logged once with its JSON path; invalid rules never run.
 */
export const createEngine = (source: string | RulesFile, where: string, log: Logger): Engine | null => {
  const rules = report(typeof source === 'string' ? parseRules(source) : validateRules(source), where, log);
  if (!rules) return null;
  return {
    rules,
    evaluate: (facts, history, now) => evaluate(rules, facts, history, now),
    explain,
  };
};
