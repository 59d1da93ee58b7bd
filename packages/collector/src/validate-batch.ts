import type { JsonSchema } from './check-json-schema';
import { createBatchTriage } from './triage-batch';
import type { WireBatch } from './wire-batch';

/** The outcome of validating one POST body as a whole. */
export type BatchCheck = { ok: true; batch: WireBatch } | { ok: false; error: string; path: string };

/** Checks one parsed POST body; see {@link createBatchValidator}. */
export type BatchValidator = (body: unknown) => BatchCheck;

/**
 * Builds an all-or-nothing validator for wire batches from the wire schema:
 * the batch must match the schema exactly (unknown fields are errors), and,
 * as defence in depth, no string anywhere may look like an email address, a
 * phone number or a card number. A failure names the JSONPath of the first
 * offending value: the envelope's first, then each event's in order. The
 * collector itself uses {@link createBatchTriage}, which keeps the valid
 * events of a batch; this is for tools that want a yes or no.
 *
 * @param schema - the wire schema, usually {@link loadWireSchema}'s result.
 * @example
 * ```ts
 * const validate = createBatchValidator(loadWireSchema());
 * validate({ v: 1, site: 's', sent: 0, events: [], extra: 1 });
 * // → { ok: false, error: 'unknown field', path: '$.extra' }
 * ```
 */
export function createBatchValidator(schema: JsonSchema): BatchValidator {
  const triage = createBatchTriage(schema);
  return (body) => {
    const t = triage(body);
    if (!t.ok) return t;
    const first = t.rejected[0];
    if (first) return { ok: false, error: first.error, path: first.path };
    return { ok: true, batch: t.batch };
  };
}
