import type { WireEvent } from './wire-batch';

/** How a webhook body is shaped: a generic signed JSON record, or a Slack incoming-webhook message. */
export type WebhookFormat = 'json' | 'slack';

/** The generic JSON body a webhook receives for one handoff (see docs/handoff.md). */
export interface HandoffWebhookRecord {
  type: 'attune.handoff';
  /** The event id: the same handoff delivered twice carries the same id, so receivers can dedupe. */
  id: string;
  site: string;
  /** When the visitor asked, epoch ms. */
  ts: number;
  /** Page path (the SDK drops the query but for allowlisted keys). */
  page: string;
  rule: string;
  channel?: string;
  intent?: string;
  reason?: string;
  /** Signals behind the offer, by target (a selector or `data-attune` label, never element text). */
  evidence: { signal: string; target: string; count: number }[];
  /** Form fields that kept failing, by field name. */
  failingFields: string[];
  /** Help the visitor was already shown, and what became of it. */
  helpShown: { rule: string; outcome: string }[];
  /** Profiling questions already answered, by field name only (never the answer). */
  questionsAnswered: string[];
  /** What the person picking this up should try first. */
  nextAction?: string;
  /** The same context as plain text, for a ticket or an email. */
  summary: string;
}

const texts = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const objects = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)) : [];
const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/**
 * The record a receiver gets for one stored `handoff` event. Built only from the event's
 * allowlisted, schema-checked fields (no visitor id, no typed text: the wire schema has no field for
 * it); the summary is written here from those fields, never taken from the device.
 *
 * @example handoffWebhookRecord(storedEvent, 'shop').summary // 'Handoff from /checkout (rule vat-help) …'
 */
export function handoffWebhookRecord(event: WireEvent, site: string): HandoffWebhookRecord {
  const record: HandoffWebhookRecord = {
    type: 'attune.handoff',
    id: event.id,
    site,
    ts: event.ts,
    page: event.path,
    rule: text(event.rule) ?? '',
    evidence: objects(event.evidence).map((e) => ({ signal: String(e.signal), target: String(e.target), count: Number(e.count) || 0 })),
    failingFields: texts(event.fields),
    helpShown: objects(event.help).map((h) => ({ rule: String(h.rule), outcome: String(h.outcome) })),
    questionsAnswered: texts(event.answered),
    summary: '',
  };
  for (const [key, from] of [
    ['channel', 'channel'],
    ['intent', 'intent'],
    ['reason', 'reason'],
    ['nextAction', 'next'],
  ] as const) {
    const value = text(event[from]);
    if (value) record[key] = value;
  }
  record.summary = [
    `Handoff from ${record.page} (rule ${record.rule}${record.channel ? `, channel ${record.channel}` : ''})`,
    record.intent ? `Seems to be: ${record.intent.replace(/_/g, ' ')}` : '',
    record.evidence.length ? `Signals: ${record.evidence.map((e) => `${e.signal} on ${e.target} ×${e.count}`).join(', ')}` : '',
    record.failingFields.length ? `Failing fields: ${record.failingFields.join(', ')}` : '',
    record.helpShown.length
      ? `Help already shown: ${record.helpShown.map((h) => `${h.rule} (${h.outcome.replace(/_/g, ' ')})`).join(', ')}`
      : '',
    record.questionsAnswered.length ? `Questions answered: ${record.questionsAnswered.join(', ')}` : '',
    record.reason ? `Reason: ${record.reason.replace(/_/g, ' ')}` : '',
    record.nextAction ? `Recommended next action: ${record.nextAction}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return record;
}

/**
 * The body posted for one handoff: the JSON record itself, or for `slack` an incoming-webhook
 * message (`{ text }`) holding the summary, which Slack (and Mattermost, Teams' Slack-compatible
 * connectors) post as is.
 *
 * @example webhookBody(handoffWebhookRecord(event, 'shop'), 'slack') // '{"text":"*Attune handoff* …"}'
 */
export function webhookBody(record: HandoffWebhookRecord, format: WebhookFormat): string {
  if (format === 'json') return JSON.stringify(record);
  // Slack treats <, > and & as control characters in text: escape them as its docs ask.
  const escaped = record.summary.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return JSON.stringify({ text: `*Attune handoff* (${record.site}, ${new Date(record.ts).toISOString()})\n${escaped}` });
}
