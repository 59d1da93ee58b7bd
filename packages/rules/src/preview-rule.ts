import { decide } from './evaluate';
import type { CompiledRules, Decision, Facts } from './types';

/**
 * A preview of one rule's content for `?attune-preview=<rule id>` and `attune.preview(id)`:
 * the rule's localized action regardless of its conditions, status, caps and the kill switch,
 * marked `preview: true` so the runtime shows it and records nothing. Returns `null` for an
 * unknown id. Its trace is empty and its evidence is none: nothing was observed.
 *
 * @example const decision = previewRule(compiled, 'pricing-help', 'de'); // decision.preview === true
 */
export function previewRule(rules: CompiledRules, ruleId: string, locale?: string): Decision | null {
  const rule = (rules.rules ?? []).find((r) => r.id === ruleId);
  if (!rule) return null;
  const facts: Facts = { page: { path: '/' }, signals: [], visitor: { returning: false, visits: 0, firstSeen: 0 } };
  if (locale !== undefined) facts.locale = locale;
  const { holdout: _holdout, ...decision } = decide(rule, facts, [], [], false);
  return { ...decision, preview: true };
}
