import { isSafeHref, type Decision, type History, type SignalType } from '@attune/rules';

/** What a person picking up a handoff starts with, so the visitor repeats nothing. No typed text. */
export interface HandoffRecord {
  /** The rule that offered the person. */
  rule: string;
  /** What the visitor seems to be trying to do, inferred from the evidence. */
  intent: 'fixing_form_errors' | 'stuck_on_an_element' | 'hesitating' | 'leaving' | 'asking_for_help';
  /** Page path. */
  page: string;
  /** Signals behind the decision. */
  evidence: { signal: SignalType; target: string; count: number }[];
  /** Form fields that kept failing, by name. */
  failingFields: string[];
  /** What was already tried: help shown before (rule ids) and questions answered (field names only). */
  tried: { shown: string[]; answered: string[] };
  /** Why the handoff happened. */
  reason: 'visitor_asked';
  /** A plain-text summary for a support tool or an email body. */
  summary: string;
  /** The rule's link with `{page}`, `{intent}`, `{rule}` and `{summary}` filled in, when it has one. */
  href?: string;
}

const INTENT: Partial<Record<SignalType, HandoffRecord['intent']>> = {
  form_error: 'fixing_form_errors',
  form_correction: 'fixing_form_errors',
  disabled_click: 'fixing_form_errors',
  form_abandon: 'fixing_form_errors',
  rage_click: 'stuck_on_an_element',
  dead_click: 'stuck_on_an_element',
  error_click: 'stuck_on_an_element',
  hesitation: 'hesitating',
  exit_intent: 'leaving',
};

/**
 * Builds the continuity record for a handoff from the decision, the page and
 * what the device remembers. Profile values are left out: only which
 * questions were answered, never what was typed.
 */
export const handoffRecord = (decision: Decision, page: string, history: History, profile: Record<string, unknown>): HandoffRecord => {
  const evidence = decision.evidence.map(({ signal, target, count }) => ({ signal, target, count }));
  const failingFields = [...new Set(evidence.filter((e) => e.signal === 'form_error').map((e) => e.target))];
  const first = evidence[0];
  const intent = (first && INTENT[first.signal]) || 'asking_for_help';
  const shown = [...new Set(history.shown.filter((e) => !e.shadow).map((e) => e.ruleId))];
  const answered = Object.keys(profile);
  const summary = [
    `Page: ${page}`,
    `Seems to be: ${intent.replace(/_/g, ' ')}`,
    evidence.length ? `Signals: ${evidence.map((e) => `${e.signal} on ${e.target} ×${e.count}`).join(', ')}` : '',
    failingFields.length ? `Failing fields: ${failingFields.join(', ')}` : '',
    shown.length ? `Help already shown: ${shown.join(', ')}` : '',
    answered.length ? `Questions answered: ${answered.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const record: HandoffRecord = { rule: decision.ruleId, intent, page, evidence, failingFields, tried: { shown, answered }, reason: 'visitor_asked', summary };
  const action = decision.action;
  const href = action.type === 'handoff' && action.href ? fillHandoffLink(action.href, record) : undefined;
  if (href) record.href = href;
  return record;
};

/**
 * Fills a handoff link template. A `mailto:` link without a body gets the summary as its body,
 * so the email a visitor sends already holds the context. The filled link is checked again with
 * `isSafeHref`, and `undefined` returned when it fails: values filled in never choose the scheme.
 *
 * @example fillHandoffLink('https://help.example/new?page={page}&topic={intent}', record)
 */
export const fillHandoffLink = (href: string, record: HandoffRecord): string | undefined => {
  const values: Record<string, string> = { page: record.page, intent: record.intent, rule: record.rule, summary: record.summary };
  let filled = href.replace(/\{(page|intent|rule|summary)\}/g, (_, key: string) => encodeURIComponent(values[key] ?? ''));
  if (/^mailto:/i.test(filled) && !/[?&]body=/i.test(filled)) filled += `${filled.includes('?') ? '&' : '?'}body=${encodeURIComponent(record.summary)}`;
  // The template passed isSafeHref whole and the values are encoded, so the head decides (a long body may pass 2,048).
  return isSafeHref(filled.slice(0, 2048)) ? filled : undefined;
};
