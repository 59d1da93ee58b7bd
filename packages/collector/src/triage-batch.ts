import { checkJsonSchema, type JsonSchema, type SchemaError } from './check-json-schema';
import { findPii, type PiiKind } from './find-pii';
import type { WireBatch, WireEvent } from './wire-batch';

/** Why one event of a batch was left out. */
export type RejectReason =
  | 'unknown_field'
  | 'missing_field'
  | 'invalid_value'
  | 'looks_like_email'
  | 'looks_like_phone'
  | 'looks_like_card';

/**
 * One event that was left out of a batch. Never holds the offending value:
 * `id` is echoed only when it is a well-formed UUIDv7, and a field name in
 * `path` only when it is a short plain identifier.
 */
export interface RejectedEvent {
  /** Position of the event in the batch's `events`, from 0. */
  index: number;
  /** The event's id, or `null` when it is missing or not a UUIDv7. */
  id: string | null;
  reason: RejectReason;
  /** The reason in a few words, such as `unknown field` or `must be at most 200 characters`. */
  error: string;
  /** JSONPath of the offending value, such as `$.events[2].target`. */
  path: string;
}

/**
 * The outcome of sorting one POST body: either the batch as a whole is
 * unusable (`ok: false`, nothing from it may be stored), or `batch` holds the
 * valid events, in order, and `rejected` the others.
 */
export type BatchTriage = { ok: true; batch: WireBatch; rejected: RejectedEvent[] } | { ok: false; error: string; path: string };

/** Sorts one parsed POST body; see {@link createBatchTriage}. */
export type BatchTriageFn = (body: unknown) => BatchTriage;

const PII: Record<PiiKind, { reason: RejectReason; error: string }> = {
  email: { reason: 'looks_like_email', error: 'looks like an email address' },
  phone: { reason: 'looks_like_phone', error: 'looks like a phone number' },
  card: { reason: 'looks_like_card', error: 'looks like a payment card number' },
};

const UUIDV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// A stray key is a client's mistake and may itself carry what the check is there to stop,
// so a path names a key only when it is a short identifier; other keys become ["…"].
const QUOTED_KEY = /\["(?:[^"\\]|\\.)*"\]/g;
const LONG_KEY = /\.([A-Za-z_$][\w$]{40,})/g;
/** A JSONPath that is safe to echo: keys that are not short identifiers are blanked. */
export const redactPath = (path: string): string => path.replace(QUOTED_KEY, '["…"]').replace(LONG_KEY, '["…"]');

const schemaReason = (e: SchemaError): RejectReason =>
  e.error === 'unknown field' ? 'unknown_field' : e.error === 'is required' ? 'missing_field' : 'invalid_value';

/**
 * Builds a batch sorter from the wire schema. The envelope (`v`, `site`,
 * `sent`, the `events` array itself and its length) must be valid, or the
 * whole batch is refused; then each event is checked on its own against the
 * schema's event definition (unknown fields are errors) and, as defence in
 * depth, for strings that look like an email address, a phone number or a
 * card number. Valid events are kept, their ids in lower case (a UUID is
 * the same in either case, so it is stored and deduped once); each invalid
 * one is reported with a reason code, never with the value that failed.
 *
 * @param schema - the wire schema, usually {@link loadWireSchema}'s result.
 * @example
 * ```ts
 * const triage = createBatchTriage(loadWireSchema());
 * triage({ v: 1, site: 's', sent: 0, events: [good, { ...bad, target: 'jane@example.com' }] });
 * // → { ok: true, batch: { …, events: [good] },
 * //     rejected: [{ index: 1, id: bad.id, reason: 'looks_like_email', error: 'looks like an email address', path: '$.events[1].target' }] }
 * ```
 */
export function createBatchTriage(schema: JsonSchema): BatchTriageFn {
  if (!isObject(schema) || !isObject(schema.properties) || !isObject(schema.properties.events)) {
    throw new Error('the wire schema must describe an object with an events array');
  }
  const { items: eventSchema, ...eventsArray } = schema.properties.events as Record<string, unknown>;
  if (eventSchema === undefined) throw new Error('the wire schema must describe the items of events');
  // The same schema with `events` checked only as an array: its items are sorted one by one.
  const envelopeSchema: JsonSchema = { ...schema, properties: { ...schema.properties, events: eventsArray } };

  const checkEvent = (event: unknown, index: number): RejectedEvent | null => {
    const at = `$.events[${index}]`;
    const id = isObject(event) && typeof event.id === 'string' && UUIDV7.test(event.id) ? event.id.toLowerCase() : null;
    const e = checkJsonSchema(eventSchema as JsonSchema, event, schema);
    if (e) return { index, id, reason: schemaReason(e), error: e.error, path: redactPath(at + e.path.slice(1)) };
    const pii = findPii(event, at);
    if (pii) return { index, id, ...PII[pii.kind], path: redactPath(pii.path) };
    return null;
  };

  return (body) => {
    const e = checkJsonSchema(envelopeSchema, body);
    if (e) return { ok: false, error: e.error, path: redactPath(e.path) };
    const { events, ...envelope } = body as Record<string, unknown> & { events: unknown[] };
    const pii = findPii(envelope);
    if (pii) return { ok: false, error: PII[pii.kind].error, path: redactPath(pii.path) };
    const kept: WireEvent[] = [];
    const rejected: RejectedEvent[] = [];
    events.forEach((event, index) => {
      const r = checkEvent(event, index);
      if (r) rejected.push(r);
      // One id, one event: the same UUID in capitals is the same event (stored and deduped in lower case).
      else kept.push({ ...(event as WireEvent), id: (event as WireEvent).id.toLowerCase() });
    });
    return { ok: true, batch: { ...(envelope as Omit<WireBatch, 'events'>), events: kept }, rejected };
  };
}
