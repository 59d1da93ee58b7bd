/**
 * Work a rule evaluation may still do, in steps (one step: one matcher state advanced over one
 * character, or one condition or signal visited). Matchers check their worst case against `left`
 * before they start, so a rule stops before it can outgrow its budget; `left < 0` means it ran out.
 */
export interface MatchBudget {
  left: number;
}

/**
 * Takes `cost` steps from the budget. Returns `false`, and marks the budget spent, when they
 * are not all there: the caller then treats its condition as not passing.
 *
 * @example const budget = { left: 10 }; spend(budget, 4); // true, 6 left
 */
export function spend(budget: MatchBudget | undefined, cost: number): boolean {
  if (!budget) return true;
  if (budget.left < cost) {
    budget.left = -1;
    return false;
  }
  budget.left -= cost;
  return true;
}
