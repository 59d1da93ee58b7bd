import type { Purpose } from '@attune/rules';

/**
 * Wire format v1: the only fields each event type may carry.
 * The client drops anything else before sending; the collector's JSON Schema
 * (packages/collector/schema/events.schema.json) rejects anything else, and a
 * test keeps the two equal.
 */
export const WIRE_VERSION = 1;

/** Event types on the wire. */
export type EventType =
  | 'signal'
  | 'decision'
  | 'shown'
  | 'dismissed'
  | 'engaged'
  | 'answered'
  | 'handoff'
  | 'conversion'
  | 'vital'
  | 'dropped';

/** Fields every event carries. */
export const COMMON_FIELDS = [
  'id', // UUIDv7, unique per event
  'type',
  'purpose',
  'ts', // epoch ms when it happened
  'path', // page path, query dropped except allowlisted keys
  'vid', // random pseudonymous visitor id, rotates
  'device', // 'desktop' | 'tablet' | 'mobile'
  'referrer', // referrer class
  'utm', // allowlisted utm_* values
] as const;

/** Type-specific fields, and the purpose each type is sent for. */
export const EVENT_FIELDS: Readonly<Record<EventType, { purpose: Purpose; fields: readonly string[] }>> = {
  signal: { purpose: 'measurement', fields: ['signal', 'target', 'count', 'confidence'] },
  decision: { purpose: 'help', fields: ['rule', 'shadow', 'holdout', 'evidence', 'blocked'] },
  shown: { purpose: 'help', fields: ['rule', 'channel'] },
  dismissed: { purpose: 'help', fields: ['rule', 'kind'] },
  engaged: { purpose: 'help', fields: ['rule', 'action', 'channel', 'failure'] },
  answered: { purpose: 'profiling', fields: ['rule', 'field', 'answer'] },
  handoff: { purpose: 'help', fields: ['rule', 'intent', 'reason', 'channel', 'evidence', 'fields', 'help', 'answered', 'next'] },
  conversion: { purpose: 'measurement', fields: ['goal'] },
  vital: { purpose: 'measurement', fields: ['name', 'value', 'rating'] },
  dropped: { purpose: 'measurement', fields: ['count', 'reason'] },
};

/** One event as it leaves the device. */
export interface WireEvent {
  id: string;
  type: EventType;
  purpose: Purpose;
  ts: number;
  path: string;
  vid?: string;
  device?: 'desktop' | 'tablet' | 'mobile';
  referrer?: string;
  utm?: Record<string, string>;
  [field: string]: unknown;
}

/** One POST body. */
export interface WireBatch {
  v: typeof WIRE_VERSION;
  site: string;
  sent: number;
  events: WireEvent[];
}
