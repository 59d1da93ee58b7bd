import { thresholdCount } from './breakdown';
import { newcombeInterval, wilsonInterval } from './proportion-interval';
import type { Arm, Comparison, RuleReport } from './report-summary';

/** The lift method, as the report names it. */
export const LIFT_METHOD = 'Newcombe hybrid score interval (method 10, Newcombe 1998) from Wilson score intervals, 95%';

/** What one live rule did, per visitor unit. */
export interface RuleTally {
  /** First non-shadow decision per visitor, and the arm it assigned. */
  decided: Map<string, { at: number; holdout: boolean }>;
  /** First time help was shown, per visitor. */
  shown: Map<string, number>;
  engaged: Set<string>;
  dismissed: Set<string>;
}

const arm = (n: number, converted: number): Arm => ({ n, converted, rate: converted / n, interval: wilsonInterval(converted, n) });

/**
 * One rule's funnel (eligible → shown → engaged → dismissed → converted, in
 * visitors) and its holdout comparison. `lastConversion` holds each visitor's
 * latest conversion on the goal: a visitor converted after a moment when that
 * latest conversion is at or after it.
 */
export function reportRule(
  rule: string,
  tally: RuleTally,
  lastConversion: ReadonlyMap<string, number>,
  minCount: number,
  minSamplePerArm: number,
): RuleReport {
  const convertedAfter = (unit: string, at: number) => (lastConversion.get(unit) ?? -Infinity) >= at;
  let holdoutN = 0;
  let holdoutX = 0;
  let treatmentN = 0;
  let treatmentX = 0;
  for (const [unit, { at, holdout }] of tally.decided) {
    const x = convertedAfter(unit, at) ? 1 : 0;
    if (holdout) {
      holdoutN++;
      holdoutX += x;
    } else {
      treatmentN++;
      treatmentX += x;
    }
  }
  let convertedShown = 0;
  for (const [unit, at] of tally.shown) if (convertedAfter(unit, at)) convertedShown++;
  const counts: RuleCounts = {
    holdout: holdoutN,
    holdoutConverted: holdoutX,
    treatment: treatmentN,
    treatmentConverted: treatmentX,
    shown: tally.shown.size,
    shownConverted: convertedShown,
    engaged: tally.engaged.size,
    dismissed: tally.dismissed.size,
  };
  return reportRuleCounts(rule, counts, minCount, minSamplePerArm);
}

/** Distinct visitors at each step of one live rule, as a database counts them. */
export interface RuleCounts {
  /** Visitors whose first decision put them in the holdout, and those of them who converted at or after it. */
  holdout: number;
  holdoutConverted: number;
  /** Visitors whose first decision put them in the treatment, and those of them who converted at or after it. */
  treatment: number;
  treatmentConverted: number;
  /** Visitors shown help, and those of them who converted at or after the first time. */
  shown: number;
  shownConverted: number;
  engaged: number;
  dismissed: number;
}

/** One rule's funnel and holdout comparison from its visitor counts. */
export function reportRuleCounts(rule: string, c: RuleCounts, minCount: number, minSamplePerArm: number): RuleReport {
  const { holdout: holdoutN, holdoutConverted: holdoutX, treatment: treatmentN, treatmentConverted: treatmentX } = c;
  const count = (n: number) => thresholdCount(n, minCount);
  let comparison: Comparison;
  if (holdoutN === 0) comparison = { status: 'no_holdout' };
  else if (holdoutN < minSamplePerArm || treatmentN < minSamplePerArm) {
    comparison = { status: 'not_enough_data', need: minSamplePerArm, treatment: count(treatmentN), holdout: count(holdoutN) };
  } else {
    const lift = newcombeInterval(treatmentX, treatmentN, holdoutX, holdoutN);
    comparison = {
      status: 'estimate',
      treatment: arm(treatmentN, treatmentX),
      holdout: arm(holdoutN, holdoutX),
      lift,
      method: LIFT_METHOD,
      verdict: lift.interval[0] > 0 ? 'helps' : lift.interval[1] < 0 ? 'hurts' : 'unclear',
    };
  }
  return {
    rule,
    funnel: {
      eligible: count(holdoutN + treatmentN),
      holdout: count(holdoutN),
      treatment: count(treatmentN),
      shown: count(c.shown),
      engaged: count(c.engaged),
      dismissed: count(c.dismissed),
      converted: count(c.shownConverted),
    },
    comparison,
  };
}
