import type { ConsentState, History, Purpose } from '@attune/rules';
import type { VisitorContext } from '@attune/core';
import type { RememberedFacts } from '@attune/widget';

/**
 * "What Attune remembers": the facts kept on this device about the visitor, as data for
 * the widget to word in the visitor's language next to the button that forgets them.
 */
export const rememberedFacts = (
  visitor: VisitorContext | null,
  history: History,
  profile: Record<string, unknown>,
  consent: Record<Purpose, ConsentState>,
  views = 0,
): RememberedFacts => ({
  visits: visitor ? { count: visitor.visits, since: new Date(visitor.firstSeen).toISOString().slice(0, 10) } : undefined,
  answered: Object.keys(profile),
  views,
  closed: history.dismissed.filter((d) => d.kind !== 'never').length,
  never: history.dismissed.filter((d) => d.kind === 'never').length,
  consent,
});
