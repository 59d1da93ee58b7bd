import { guard, type Logger } from '@attune/core';
import { onIdle } from '../settled';

// Re-evaluation while rules can fire without a signal (dwell, intents); cheap, and only while visible.
const TICK_MS = 5000;

/** When the rules are evaluated: at idle after each signal, and every 5 s while rules can fire without one. */
export interface DecideLoop {
  /** Asks for a decision at the next idle moment (nothing if one is already due). */
  _soon(): void;
  /** A new signal: whatever was due is dropped and a decision runs at the next idle moment. */
  _now(): void;
  /** Whether rules can fire without a signal: then decisions repeat every 5 s while the page is visible. */
  _eager: boolean;
  stop(): void;
}

/**
 * Creates the loop. Decisions run when the browser is idle, never inside the handler that
 * produced the signal; `schedule` is the runtime's timer (it does nothing once destroyed).
 */
export const createDecideLoop = (
  win: Window,
  log: Logger,
  schedule: (fn: () => void, ms: number) => () => void,
  decide: () => void,
): DecideLoop => {
  let pending: (() => void) | null = null;
  let stopped = false;
  const soon = (delay = 0) => {
    if (pending || stopped) return;
    const run = () => {
      pending = null;
      decide();
      if (loop._eager) soon(TICK_MS);
    };
    const tick = () => {
      pending = null;
      if (win.document.visibilityState === 'visible') run();
      else soon(TICK_MS);
    };
    pending = delay ? schedule(tick, delay) : onIdle(win, guard(log, run), 300);
  };
  const loop: DecideLoop = {
    _eager: false,
    _soon: () => soon(),
    _now() {
      pending?.();
      pending = null;
      soon();
    },
    stop() {
      stopped = true;
      pending?.();
    },
  };
  return loop;
};
