import { randomBytes } from 'node:crypto';

let last = 0;
let seq = 0;

/** A UUIDv7 string, as the SDK mints them (time-ordered within this process). */
export function uuidv7(now = Date.now()): string {
  seq = now === last ? seq + 1 : 0;
  last = now;
  const b = randomBytes(16);
  b.writeUIntBE(now, 0, 6);
  b[6] = 0x70 | ((seq >> 8) & 0x0f);
  b[7] = seq & 0xff;
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const common = (type: string, purpose: string) => ({
  id: uuidv7(),
  type,
  purpose,
  ts: 1_763_800_000_000,
  path: '/checkout',
  // The shape of core's randomId(), with a long decimal run that must not read as a phone number.
  vid: '3f9a2c1234567890b7d41e0c9a8b7f6e',
  device: 'desktop',
  referrer: 'search',
  utm: { utm_source: 'newsletter', utm_campaign: 'spring' },
});

/** One valid event of every wire type, each with every field it allows. */
export function sampleEvents(): Record<string, Record<string, unknown>> {
  return {
    signal: { ...common('signal', 'measurement'), signal: 'rage_click', target: '#pay', count: 4, confidence: 'high' },
    decision: {
      ...common('decision', 'help'),
      rule: 'checkout-help',
      shadow: true,
      holdout: false,
      evidence: [{ signal: 'rage_click', target: '#pay', count: 4 }],
      blocked: 'session_cap',
    },
    shown: { ...common('shown', 'help'), rule: 'checkout-help', channel: 'intercom' },
    dismissed: { ...common('dismissed', 'help'), rule: 'checkout-help', kind: 'snooze' },
    engaged: { ...common('engaged', 'help'), rule: 'checkout-help', action: 'handoff', channel: 'intercom', failure: 'channel_missing' },
    answered: { ...common('answered', 'profiling'), rule: 'ask-role', field: 'role', answer: ['developer', 'marketer'] },
    handoff: {
      ...common('handoff', 'help'),
      rule: 'checkout-help',
      intent: 'billing',
      reason: 'asked for a person',
      channel: 'email',
      evidence: [{ signal: 'form_error', target: 'vat_number', count: 3 }],
      fields: ['vat_number'],
      help: [{ rule: 'vat-tip', outcome: 'helpful_no' }],
      answered: ['role'],
      next: 'Confirm the VAT number format',
    },
    conversion: { ...common('conversion', 'measurement'), goal: 'signup' },
    vital: { ...common('vital', 'measurement'), name: 'INP', value: 180, rating: 'good' },
    dropped: { ...common('dropped', 'measurement'), count: 12, reason: 'queue full' },
  };
}

/** A valid batch for `site` holding `events` (by default one signal). */
export function batchOf(events: Record<string, unknown>[] = [sampleEvents().signal!], site = 'shop'): Record<string, unknown> {
  return { v: 1, site, sent: Date.now(), events };
}

/** `n` valid signal events with fresh ids. */
export function signals(n: number): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => ({
    id: uuidv7(),
    type: 'signal',
    purpose: 'measurement',
    ts: 1_763_800_000_000 + i,
    path: '/pricing',
    signal: 'dead_click',
    target: `[data-attune="plan-${i % 3}"]`,
    count: 1,
  }));
}
