// When Attune's work on a page may run: never while the page loads, never inside an input.

/**
 * Runs `fn` when the browser is idle, at the latest after `timeout` ms (after a short timer where
 * there is no `requestIdleCallback`). Returns a cancel.
 */
export const onIdle = (win: Window, fn: () => void, timeout = 2000): (() => void) => {
  if (!win.requestIdleCallback) return win.clearTimeout.bind(win, win.setTimeout(fn, 50));
  const id = win.requestIdleCallback(fn, { timeout });
  return () => win.cancelIdleCallback(id);
};

/**
 * Calls `fn` once the page has settled: at the first idle moment after `load`, or, if the
 * visitor presses a pointer or a key first, right after the browser has painted its response
 * to that input (so the input itself is never slowed).
 */
export const whenSettled = (win: Window, fn: () => void): void => {
  let done = false;
  const run = () => {
    if (!done) {
      done = true;
      fn();
    }
  };
  if (win.document.readyState === 'complete') onIdle(win, run);
  else {
    win.addEventListener('load', () => onIdle(win, run), { once: true });
    // A frame, then a task: after the paint that shows the page's response to the input.
    const onInput = () => win.requestAnimationFrame(() => win.setTimeout(run));
    for (const type of ['pointerdown', 'keydown']) win.addEventListener(type, onInput, { capture: true, passive: true, once: true });
  }
};
