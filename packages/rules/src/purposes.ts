/**
 * The purposes an event (and every action) is gated by, in the order the docs list them.
 *
 * @example PURPOSES.includes('help') // true
 */
export const PURPOSES = ['measurement', 'help', 'profiling'] as const;

/** Purposes an event can be sent for. */
export type Purpose = (typeof PURPOSES)[number];

/** States of consent for one purpose. */
export const CONSENT_STATES = ['granted', 'denied', 'pending'] as const;

/** State of consent for one purpose. */
export type ConsentState = (typeof CONSENT_STATES)[number];

/** A visitor's consent choice: `true` grants a purpose, `false` denies it; purposes left out keep their state. */
export type ConsentChoice = Partial<Record<Purpose, boolean>>;
