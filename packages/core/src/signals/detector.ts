import type { FormFacts, SignalRecord } from '@attune/rules';
import type { ResponseWatch } from './watch-response';

/** The part of a signal a detector decides; the runtime adds `at` (when absent) and `path`. */
export type SignalDraft = Omit<SignalRecord, 'at' | 'path'> & { at?: number };

/** What every detector is given. Detectors reach for nothing else. */
export interface DetectorContext {
  /** The document to listen on (its `defaultView` is the window). */
  doc: Document;
  /** Publishes a signal; `at` and `path` are filled in by the caller when absent. */
  emit(signal: SignalDraft): void;
  /** Epoch milliseconds. */
  now(): number;
  /** Schedules `fn` after `ms`; returns a cancel function. */
  schedule(fn: () => void, ms: number): () => void;
  /** Wraps a listener so it never throws into the page. */
  wrap<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
  /**
   * Optional: called with the element a signal is about, right after it is emitted.
   * Debug mode passes `(el) => outlineTarget(doc, el, …)` here to show what Attune sees.
   */
  inspect?(el: Element, signal: SignalDraft): void;
  /**
   * The response watcher the click detectors share; `startSignals` provides it (one per page).
   * `form_error` reads its request count to tell a blocked submit from one sent by script.
   */
  watch?: ResponseWatch;
  /**
   * Optional: told where the visitor is with the page's forms (the `form.state` and
   * `form.errors` facts rules can test), by the form detectors.
   */
  form?(facts: FormFacts): void;
  /**
   * Optional: Attune's own endpoint. Requests to it never count as a page's response to a click.
   */
  endpoint?: string;
  /**
   * Optional per-tab memory that survives page loads (sessionStorage), given only when storing is
   * allowed. `back_forth` uses it to see A → B → A and reloads across full page loads; without it,
   * only route changes inside one page count.
   */
  session?: { get(key: string): string | null; set(key: string, value: string): void };
}

/** Starts a detector; returns its teardown. */
export type Detector<C> = (ctx: DetectorContext, config: C) => () => void;
