import type { SignalRecord, SignalType } from '@attune/rules';

/** What every detector is given. Detectors reach for nothing else. */
export interface DetectorContext {
  /** The document to listen on. */
  doc: Document;
  /** Publishes a signal; `at` and `path` are filled in by the caller when absent. */
  emit(signal: Omit<SignalRecord, 'at' | 'path'> & { at?: number }): void;
  /** Epoch milliseconds. */
  now(): number;
  /** Schedules `fn` after `ms`; returns a cancel function. */
  schedule(fn: () => void, ms: number): () => void;
  /** Wraps a listener so it never throws into the page. */
  wrap<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
}

/** Starts a detector; returns its teardown. */
export type Detector<C> = (ctx: DetectorContext, config: C) => () => void;

/** Short names used by `data-attune-ignore="rage dead"`. */
export const IGNORE_NAME: Readonly<Partial<Record<SignalType, string>>> = {
  rage_click: 'rage',
  dead_click: 'dead',
  error_click: 'error',
  form_error: 'form',
  form_abandon: 'form',
  hesitation: 'dwell',
  exit_intent: 'exit',
};
