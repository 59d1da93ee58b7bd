import { isSafeHref, type Action, type Decision, type HandoffRoute, type History } from '@attune/rules';
import { continuityRecord, type HandoffRecord, type HelpOutcome } from './handoff/continuity-record';

export type { HandoffRecord, HelpOutcome } from './handoff/continuity-record';

/**
 * Where an action's "Talk to a person" goes: a handoff action's own route, a help card's
 * `handoff` route, or for `handoff: true` the site's callback. `null` when it offers no person.
 *
 * @example routeOf({ type: 'help', title: 't', body: 'b', handoff: true }) // { channel: 'callback' }
 */
export const routeOf = (action: Action): HandoffRoute | null => {
  if (action.type === 'handoff') {
    const { channel, href, target, fallback, next } = action;
    return { channel, href, target, fallback, next };
  }
  if (action.type !== 'help' || !action.handoff) return null;
  return action.handoff === true ? { channel: 'callback' } : action.handoff;
};

/**
 * Builds the continuity record for a handoff from the decision, the page and what the device
 * remembers, with the route's link filled in. Profile values and field values are never read:
 * only which questions were answered and which fields the page marks invalid, by name.
 *
 * @example handoffRecord(decision, '/checkout', history, profile, ['vat_number']).nextAction
 */
export const handoffRecord = (
  decision: Decision,
  page: string,
  history: History,
  profile: Readonly<Record<string, unknown>>,
  fields: string[] = [],
  outcomes?: Readonly<Record<string, HelpOutcome>>,
): HandoffRecord => {
  const route = routeOf(decision.action) ?? { channel: 'callback' };
  const record = continuityRecord({ decision, page, history, profile, channel: route.channel, next: route.next, fields, outcomes });
  const href = route.href && fillHandoffLink(route.href, record);
  if (href) record.href = href;
  return record;
};

/**
 * Fills a handoff link template with `{page}`, `{intent}`, `{rule}`, `{summary}` and `{next}`,
 * each URL-encoded. A `mailto:` link without a body gets the summary as its body, so the email a
 * visitor sends already holds the context. The filled link is checked again with `isSafeHref`,
 * and `undefined` returned when it fails: values filled in never choose the scheme.
 *
 * @example fillHandoffLink('https://help.example/new?page={page}&topic={intent}', record)
 */
export const fillHandoffLink = (href: string, record: HandoffRecord): string | undefined => {
  const values: Record<string, string> = {
    page: record.page,
    intent: record.intent,
    rule: record.rule,
    summary: record.summary,
    next: record.nextAction,
  };
  let filled = href.replace(/\{(page|intent|rule|summary|next)\}/g, (_, key: string) => encodeURIComponent(values[key] ?? ''));
  if (/^mailto:/i.test(filled) && !/[?&]body=/i.test(filled))
    filled += `${filled.includes('?') ? '&' : '?'}body=${encodeURIComponent(record.summary)}`;
  // The template passed isSafeHref whole and the values are encoded, so the head decides (a long body may pass 2,048).
  return isSafeHref(filled.slice(0, 2048)) ? filled : undefined;
};
