/**
 * Every signal name a condition may count, in the order the docs list them.
 *
 * @example SIGNAL_TYPES.includes('rage_click') // true
 */
export const SIGNAL_TYPES = [
  'rage_click',
  'dead_click',
  'error_click',
  'form_error',
  'form_correction',
  'form_refill',
  'disabled_click',
  'form_abandon',
  'hesitation',
  'exit_intent',
  'back_forth',
  'scroll_thrash',
  'slow_interaction',
] as const;

/** Signal names a detector can emit and a condition can count. */
export type SignalType = (typeof SIGNAL_TYPES)[number];
