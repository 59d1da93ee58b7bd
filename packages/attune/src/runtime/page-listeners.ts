import {
  listen,
  onRouteChange,
  startSignals,
  type DetectorContext,
  type Logger,
  type RunningSignals,
  type SignalsConfig,
} from '@attune/core';
import type { FormsChunk } from '../api';

// Where the form detectors are needed.
const FIELDS = 'form,input,select,textarea';

/** What the page's listeners report to the runtime. */
export interface PageHandlers {
  /** A press, key or focus move: idleness ends. */
  _input(): void;
  /** The page is being hidden or left: beacon what waits. */
  _hide(): void;
  /** The network is back. */
  _online(): void;
  /** A single-page app changed route. */
  _route(): void;
}

/** The running detectors and page listeners. */
export interface PageListeners {
  /** The forms chunk once asked for, settled when its detectors run (with the chunk) or it failed to load (without). */
  _forms(): Promise<FormsChunk | void> | undefined;
  /** Loads and starts the lazily loaded detectors (form and weak-signal detectors). */
  _startLazy(): void;
  stop(): void;
}

/**
 * Starts the signal detectors and the page listeners the runtime needs. The form and weak-signal
 * detectors come in their own chunk, loaded at idle on every page, or earlier when focus or a
 * press enters a form field.
 */
export const startPageListeners = (
  ctx: DetectorContext,
  win: Window,
  config: SignalsConfig | undefined,
  loadForms: () => Promise<FormsChunk>,
  log: Logger,
  on: PageHandlers,
): PageListeners => {
  const doc = ctx.doc;
  const signals: RunningSignals = startSignals(ctx, config);
  let forms: Promise<FormsChunk | void> | undefined;
  const startForms = () => {
    forms ??= loadForms().then(
      (m) => (signals.add(m.FORM_DETECTORS), m),
      (error: unknown) => log.warn('could not load the form detectors', error),
    );
  };
  const stops = [
    signals,
    // Input (focus moves by a press or a key too) ends idleness; entering a form field needs its detectors.
    listen(ctx, doc, 'focusin pointerdown keydown', (e) => {
      on._input();
      if ((e.target as Element).closest?.(FIELDS)) startForms();
    }),
    listen(ctx, doc, 'visibilitychange', () => doc.visibilityState === 'hidden' && on._hide()),
    listen(ctx, win, 'pagehide', on._hide),
    listen(ctx, win, 'online', on._online),
    onRouteChange(ctx, on._route),
  ];
  return {
    _forms: () => forms,
    _startLazy: startForms,
    stop: () => stops.forEach((stop) => stop()),
  };
};
