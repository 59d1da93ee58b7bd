/** How a fact's value is compared: durations are milliseconds written as `"30s"` in rules. */
export type FactKind = 'string' | 'number' | 'duration' | 'boolean' | 'list' | 'text-or-list';

/** What the validator knows about one fact. */
export interface FactSpec {
  kind: FactKind;
  /** The only values the fact can take, when it is an enumeration. */
  values?: readonly string[];
}

const CONSENT: FactSpec = { kind: 'string', values: ['granted', 'denied', 'pending'] };

const FIXED: Readonly<Record<string, FactSpec>> = {
  'page.path': { kind: 'string' },
  'page.referrer': { kind: 'string', values: ['search', 'social', 'email', 'paid', 'direct', 'referral', 'internal'] },
  'visitor.returning': { kind: 'boolean' },
  'visitor.visits': { kind: 'number' },
  'visitor.daysSinceFirstVisit': { kind: 'number' },
  dwell: { kind: 'duration' },
  idle: { kind: 'duration' },
  stage: { kind: 'string' },
  device: { kind: 'string', values: ['desktop', 'tablet', 'mobile'] },
  locale: { kind: 'string' },
  'consent.measurement': CONSENT,
  'consent.help': CONSENT,
  'consent.profiling': CONSENT,
  intents: { kind: 'list' },
  'form.state': { kind: 'string', values: ['untouched', 'started', 'errors', 'abandoned', 'submitted'] },
  'form.errors': { kind: 'number' },
};

/** Fact names as the docs list them, for suggestions (`<key>` and `<field>` are placeholders). */
const factNames = (): readonly string[] => [...Object.keys(FIXED), 'page.utm.<key>', 'profile.<field>'];
// Marked pure so a bundle that only needs another export of @attune/rules leaves the catalog out.
export const FACT_NAMES: readonly string[] = /* @__PURE__ */ factNames();

/**
 * What a fact name means, or `null` for an unknown name. `page.utm.<key>` and
 * `profile.<field>` accept any key of letters, digits, `_`, `-` and `.`.
 *
 * @example factSpec('visitor.visits') // { kind: 'number' }
 */
export function factSpec(name: string): FactSpec | null {
  if (Object.prototype.hasOwnProperty.call(FIXED, name)) return FIXED[name] as FactSpec;
  if (/^page\.utm\.[A-Za-z0-9_.-]{1,64}$/.test(name)) return { kind: 'string' };
  if (/^profile\.[A-Za-z0-9_.-]{1,64}$/.test(name)) return { kind: 'text-or-list' };
  return null;
}
