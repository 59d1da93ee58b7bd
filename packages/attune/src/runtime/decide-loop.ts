import { guard, type Logger } from '@attune/core';
import type { Engine, EngineHost, EngineModule } from '../api';
import type { RulesSource } from '../rules-source';
import { onIdle } from '../settled';

// Re-evaluation while rules can fire without a signal (dwell, intents); cheap, and only while visible.
const TICK_MS = 5000;

/**
 * When and by what the rules are evaluated: the engine chunk, fetched once on first need, runs
 * at idle after each signal, and every 5 s while rules can fire without one.
 */
export interface DecideLoop {
  /** The rules, once fetched (the engine loads only after them). */
  _rules: RulesSource | null;
  /** Whether rules can fire without a signal: then decisions repeat every 5 s while the page is visible. */
  _eager: boolean;
  /** The engine once loaded (route changes, `forget()` and `destroy()` only reach a loaded one). */
  _loaded: Engine | null;
  /** The engine, loading it the first time; `null` before the rules arrive or when it cannot load. */
  _get(): Promise<Engine | null>;
  /** Asks for a decision at the next idle moment (nothing if one is already due). */
  _soon(): void;
  /** A new signal: whatever was due is dropped and a decision runs at the next idle moment. */
  _now(): void;
  stop(): void;
}

/**
 * Creates the loop. Decisions run when the browser is idle, never inside the handler that
 * produced the signal; `schedule` is the runtime's timer. A failure to load or run the engine
 * is logged and leaves Attune inert, never the page.
 */
export const createDecideLoop = (
  win: Window,
  log: Logger,
  schedule: (fn: () => void, ms: number) => () => void,
  load: () => Promise<EngineModule>,
  host: EngineHost,
): DecideLoop => {
  let pending: (() => void) | null = null;
  let stopped = false;
  let engine: Promise<Engine | null> | null = null;
  const decide = guard(log, async () => (await loop._get())?.decide());
  const soon = (delay = 0) => {
    if (pending || stopped) return;
    const run = () => {
      pending = null;
      void decide();
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
    _rules: null,
    _eager: false,
    _loaded: null,
    _get() {
      const rules = loop._rules;
      return rules
        ? (engine ??= load()
            .then((m) => m.createEngine(rules.source, rules.where, host, rules.needs?.views))
            .then((ready) => (loop._loaded = ready))
            .catch((error: unknown) => {
              log.warn('could not load the rules engine', error);
              return null;
            }))
        : Promise.resolve(null);
    },
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
