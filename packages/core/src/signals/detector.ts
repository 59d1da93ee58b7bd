import type { FormFacts, SignalRecord } from '@attune/rules';

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

/** The one response watcher the click detectors share (`DetectorContext.watch`, made by `watchResponse`). */
export interface ResponseWatch {
  /**
   * Calls `onResponse` once, at the page's first response plausibly caused by the click `event`
   * on `el` (see `watchResponse`). Returns the end of the wait, which also tells whether a form
   * control the click could have changed has a new value (a stepper setting `input.value` from
   * script fires no event and changes no DOM). The MutationObserver and the listeners exist only
   * while some click waits.
   */
  pend(el: Element, event: MouseEvent, onResponse: () => void): () => boolean;
  /** Requests the page has started (fetch or XHR, minus ignored URLs) since the watch began. */
  requests(): number;
  /** Removes the request wrappers (where they are still Attune's) and stops watching. */
  stop(): void;
}

/** Starts a detector; returns its teardown. */
export type Detector<C> = (ctx: DetectorContext, config: C) => () => void;
