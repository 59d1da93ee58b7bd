import type { Condition, RuleIssue, SignalType, ValidationResult } from './types';

/** How much a signal says on its own: `strong` is evidence of struggle, `weak` only corroborates. */
export type SignalStrength = 'strong' | 'weak';

/**
 * The documented strength of every signal type (see docs/signals.md). Strong signals are
 * struggle a visitor cannot produce by ordinary use: rage, dead, error and disabled clicks, form
 * errors, abandoned forms. Weak signals also come from calm visitors (correcting a typo, resting
 * the pointer, moving to the tab strip, a slow page, going back to compare, scrolling to find
 * something): a help rule should never fire on one of them alone.
 *
 * @example SIGNAL_STRENGTH.exit_intent // 'weak'
 */
export const SIGNAL_STRENGTH: Readonly<Record<SignalType, SignalStrength>> = {
  rage_click: 'strong',
  dead_click: 'strong',
  error_click: 'strong',
  form_error: 'strong',
  disabled_click: 'strong',
  form_abandon: 'strong',
  form_correction: 'weak',
  form_refill: 'weak',
  hesitation: 'weak',
  exit_intent: 'weak',
  back_forth: 'weak',
  scroll_thrash: 'weak',
  slow_interaction: 'weak',
};

/** One way a condition can pass: strong signals needed (0 or 1+), weak signal occurrences (0, 1, 2+), and where the weak one is. */
interface Way {
  s: number;
  w: number;
  at?: string;
}

const both = (a: Way[], b: Way[]): Way[] => {
  const out = new Map<string, Way>();
  for (const x of a)
    for (const y of b) {
      const way = { s: Math.min(1, x.s + y.s), w: Math.min(2, x.w + y.w), at: x.at ?? y.at };
      out.set(`${way.s}${way.w}`, out.get(`${way.s}${way.w}`) ?? way);
    }
  return [...out.values()];
};

// The ways `c` can pass, by the signal evidence each needs. Pages, views, facts and negations are
// context, not evidence; an intent passes the ways its definition does.
const waysOf = (c: Condition, path: string, intents: Readonly<Record<string, Condition>>, inside: readonly string[]): Way[] => {
  if ('signal' in c) return [SIGNAL_STRENGTH[c.signal] === 'weak' ? { s: 0, w: (c.atLeast ?? 1) > 1 ? 2 : 1, at: path } : { s: 1, w: 0 }];
  if ('all' in c)
    return c.all.reduce<Way[]>((ways, child, i) => both(ways, waysOf(child, `${path}.all[${i}]`, intents, inside)), [{ s: 0, w: 0 }]);
  if ('any' in c) return c.any.flatMap((child, i) => waysOf(child, `${path}.any[${i}]`, intents, inside));
  const intent = 'intent' in c && intents[c.intent];
  return intent && !inside.includes(c.intent) ? waysOf(intent, path, intents, [...inside, c.intent]) : [{ s: 0, w: 0 }];
};

/**
 * Adds a warning for each live rule that can fire on a single weak signal with no other evidence
 * (no strong signal, no second weak one): `{ "signal": "exit_intent" }`, or an `any` with such a
 * branch. The warning's path names the weak condition, such as `$.rules[2].when.any[1]`. Shadow
 * and off rules show nothing and are not checked. Returns the same result with the warnings added.
 *
 * @example
 * const result = warnWeakEvidence(checkRulesFile(input, formatIssueMessage));
 * // result.warnings: [{ path: '$.rules[0].when', code: 'weak_evidence', severity: 'warning', message: '…' }]
 */
export function warnWeakEvidence(result: ValidationResult): ValidationResult {
  const compiled = result.rules;
  if (!compiled) return result;
  const warnings: RuleIssue[] = [];
  compiled.rules.forEach((rule, i) => {
    if ((rule.status ?? 'live') !== 'live') return;
    const where = `$.rules[${compiled.sourceIndex?.[i] ?? i}].when`;
    const weak = waysOf(rule.when, where, compiled.intents ?? {}, []).find((way) => !way.s && way.w === 1);
    if (weak)
      warnings.push({
        path: weak.at ?? where,
        severity: 'warning',
        code: 'weak_evidence',
        message: `rule \`${rule.id}\` can fire on one weak signal with no other evidence; require a strong signal (rage, dead, error or disabled clicks, form errors) or a second signal with \`all\`.`,
      });
  });
  return warnings.length ? { ...result, warnings: [...result.warnings, ...warnings] } : result;
}
