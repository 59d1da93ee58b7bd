import { COMMON_FIELDS, EVENT_FIELDS, type WireEvent } from './wire';

const COMMON = new Set<string>(COMMON_FIELDS);

/**
 * Keeps only the fields allowlisted for the event's type (wire format v1) and
 * forces the purpose its type is sent for. Anything else is dropped here, on the device.
 */
export const minimise = (event: WireEvent): WireEvent | null => {
  const spec = EVENT_FIELDS[event.type];
  if (!spec) return null;
  const allowed = new Set(spec.fields);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event)) {
    if (value != null && (COMMON.has(key) || allowed.has(key))) out[key] = value;
  }
  out.purpose = spec.purpose;
  return out as WireEvent;
};
