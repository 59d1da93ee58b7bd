import { readFileSync } from 'node:fs';
import type { JsonSchema } from './check-json-schema';

/**
 * Reads the wire format's JSON Schema that ships with this package
 * (`schema/events.schema.json`), so one file serves editors, other tools and
 * the collector's own validator.
 *
 * @example
 * ```ts
 * const validate = createBatchValidator(loadWireSchema());
 * ```
 */
export function loadWireSchema(): JsonSchema {
  // src/ in tests and dist/ when built both sit one level below the package root.
  const url = new URL('../schema/events.schema.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as JsonSchema;
}
