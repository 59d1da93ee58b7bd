import type { WireBatch } from './wire-batch';
import { checkJsonSchema, type JsonSchema } from './check-json-schema';
import { findPii } from './find-pii';

/** The outcome of validating one POST body. */
export type BatchCheck =
  | { ok: true; batch: WireBatch }
  | { ok: false; error: string; path: string };

/** Checks one parsed POST body; see {@link createBatchValidator}. */
export type BatchValidator = (body: unknown) => BatchCheck;

const PII_ERRORS = {
  email: 'looks like an email address',
  phone: 'looks like a phone number',
  card: 'looks like a payment card number',
} as const;

/**
 * Builds a validator for wire batches from the wire schema: the batch must
 * match the schema exactly (unknown fields are errors), and, as defence in
 * depth, no string anywhere may look like an email address, a phone number or
 * a card number. Failures name the JSONPath of the first offending value.
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
  return (body) => {
    const e = checkJsonSchema(schema, body);
    if (e) return { ok: false, error: e.error, path: e.path };
    const pii = findPii(body);
    if (pii) return { ok: false, error: PII_ERRORS[pii.kind], path: pii.path };
    return { ok: true, batch: body as WireBatch };
  };
}
