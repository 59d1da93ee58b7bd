/**
 * The wire format as the collector sees it once a batch has passed
 * validation. The source of truth is `packages/core/src/pipe/wire.ts` and
 * `schema/events.schema.json`; a test keeps the schema equal to the former.
 * These types stay loose on purpose: the schema, not TypeScript, decides
 * what is valid.
 */

/** One validated event. */
export interface WireEvent {
  id: string;
  type: string;
  purpose: string;
  ts: number;
  path: string;
  [field: string]: unknown;
}

/** One validated POST body. */
export interface WireBatch {
  v: 1;
  site: string;
  sent: number;
  events: WireEvent[];
}
