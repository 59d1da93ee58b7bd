/** What a rules file needs from the device to decide. */
export interface RuleNeeds {
  /** Signal types the rules count (directly or through an intent). */
  signals: string[];
  /** Whether some rule counts page views (directly or through an intent): then every page view is remembered. */
  views: boolean;
  /** Intents the rules name. */
  intents: string[];
  /** Whether some rule could fire with no signal at all (intents, dwell, visitor facts, views). */
  withoutSignals: boolean;
}

type Node = Record<string, unknown>;

// Whether a condition can only pass with at least one signal present.
const needsSignal = (node: unknown): boolean => {
  const n = Object(node) as Node;
  return (
    'signal' in n || (Array.isArray(n.all) ? n.all.some(needsSignal) : Array.isArray(n.any) && n.any.length > 0 && n.any.every(needsSignal))
  );
};

/**
 * What the rules that are not off need: the signals and intents they name, whether they count
 * page views, and whether any could fire without a signal. Reads a parsed file before validation
 * (anything malformed is skipped, never thrown); a file whose kill switch is off needs nothing.
 *
 * @example ruleNeeds({ rules: [{ id: 'r', when: { views: '/pricing*' }, show }] }) // { views: true, withoutSignals: true, … }
 */
export const ruleNeeds = (file: unknown): RuleNeeds => {
  const f = Object(file) as Node;
  const signals = new Set<string>();
  const intents = new Set<string>();
  let views = false;
  let withoutSignals = false;
  const walk = (node: unknown) => {
    const n = Object(node) as Node;
    views ||= 'views' in n;
    if (typeof n.signal === 'string') signals.add(n.signal);
    if (typeof n.intent === 'string' && !intents.has(n.intent)) {
      intents.add(n.intent);
      walk(Object(Object(f.intents)[n.intent]).when);
    }
    for (const list of [n.all, n.any, n.none, n.not && [n.not]]) if (Array.isArray(list)) list.forEach(walk);
  };
  if (f.enabled !== false && Array.isArray(f.rules))
    for (const rule of f.rules as Node[]) {
      if (rule?.status === 'off') continue;
      walk(rule?.when);
      withoutSignals ||= !needsSignal(rule?.when);
    }
  return { signals: [...signals], views, intents: [...intents], withoutSignals: withoutSignals || views };
};
