// The rules engine chunk: validation, evaluation and explanations. It is
// loaded lazily, on the first signal of struggle (or at idle when a rule can
// fire without one), so calm pages never pay for it.
import { evaluate, explain, parseRules, validateRules, type CompiledRules, type Decision, type Evaluation, type Facts, type History, type RulesFile, type ValidationResult } from '@attune/rules';
import type { Logger } from '@attune/core';
import { handoffRecord } from './handoff';
import { rememberedLines } from './remembered';

/** Validated rules, ready to decide. */
export interface Engine {
  /** The pure evaluator over the loaded rules. */
  evaluate(facts: Facts, history: History, now: number): Evaluation;
  /** The visitor's "Why am I seeing this?" text. */
  explain(decision: Decision, locale?: string): string;
  /** The validated rules. */
  rules: CompiledRules;
  /**
   * A rule's content as a preview decision, regardless of its conditions, caps and
   * holdout (`?attune-preview=<id>`); `null` for an unknown or invalid rule.
   */
  preview(ruleId: string, facts: Facts, now: number): Decision | null;
  /** The continuity record for a handoff to a person. */
  handoff: typeof handoffRecord;
  /** "What Attune remembers", in plain words. */
  remembered: typeof rememberedLines;
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
    handoff: handoffRecord,
    remembered: rememberedLines,
    preview(ruleId, facts, now) {
      const rule = rules.rules.find((r) => r.id === ruleId);
      if (!rule) return null;
      // The same evaluator, over this one rule made unconditional, so content is localized the same way.
      const only: CompiledRules = {
        ...rules,
        enabled: true,
        defaults: { ...rules.defaults, quietPages: [] },
        rules: [{ ...rule, status: 'live', when: { all: [] }, holdout: undefined, caps: undefined }],
      };
      const decision = evaluate(only, facts, { shown: [], dismissed: [] }, now).decision;
      return decision && { ...decision, preview: true };
    },
  };
};
