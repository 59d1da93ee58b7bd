/** A logger that prefixes every line with `[attune]`. */
export interface Logger {
  warn(message: string, detail?: unknown): void;
  debug(message: string, detail?: unknown): void;
}

/**
 * Creates the one logger Attune writes through.
 * @param debug - when true, `debug()` lines are printed too (the `data-debug` mode).
 */
export const createLogger = (debug = false, sink: Pick<Console, 'warn' | 'info'> = console): Logger => ({
  warn: (message, detail) => sink.warn(`[attune] ${message}`, ...(detail === undefined ? [] : [detail])),
  debug: (message, detail) => {
    if (debug) sink.info(`[attune] ${message}`, ...(detail === undefined ? [] : [detail]));
  },
});

/**
 * Wraps a function so that it never throws into the host page: an error is
 * reported once through the logger and the call returns `undefined`.
 * Every public call, listener and timer in Attune goes through this.
 *
 * @example
 * document.addEventListener('click', guard(log, onClick), { capture: true, passive: true });
 */
export const guard =
  <A extends unknown[], R>(log: Logger, fn: (...args: A) => R) =>
  (...args: A): R | undefined => {
    const report = (error: unknown) => log.warn('internal error, ignored', error);
    try {
      const result = fn(...args);
      return result instanceof Promise ? (result.catch(report) as R) : result;
    } catch (error) {
      report(error);
    }
  };
