/** Something that receives the errors the widget caught. */
export type ErrorReporter = (error: unknown) => void;

/** Logs with the one `[attune]` prefix; the default reporter. */
export const logError: ErrorReporter = (error) => {
  try {
    console.error('[attune]', error);
  } catch {
    // A console that throws is not worth breaking the page for.
  }
};

/**
 * Wraps functions so nothing they throw reaches the host page: the error goes to `report`
 * and the wrapped call returns `undefined`.
 *
 * @example
 * const guard = catchErrors(logError);
 * button.addEventListener('click', guard(() => props.onEngage({ action: 'why' })));
 */
export const catchErrors =
  (report: ErrorReporter) =>
  <A extends unknown[]>(fn: (...args: A) => unknown) =>
  (...args: A): void => {
    try {
      fn(...args);
    } catch (error) {
      try {
        report(error);
      } catch {
        logError(error);
      }
    }
  };
