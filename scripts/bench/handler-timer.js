// Injected by the bench (page-cost.mjs) for the handler-cost runs: every listener that Attune's
// bundles add is wrapped in a timer, and the time all of Attune's listeners spent on one event
// is summed, so a click that reaches four detectors counts once, with their total.
(() => {
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  const wrappers = new WeakMap();
  const perEvent = new WeakMap();
  const samples = {};
  const byDetector = {};
  // The detector that added a listener, from the registration's stack: detector entry points
  // are named by their `signals` config key (`rage`, `dead`, `dwell`…), which minifying keeps.
  const DETECTOR = / at (rage|dead|error|form|abandon|dwell|exit|back|scroll|slow) \(/;
  const origin = () => {
    const stack = new Error().stack ?? '';
    if (!/\/attune\/attune[\w-]*\.js/.test(stack)) return null;
    return stack.match(DETECTOR)?.[1] ?? 'other';
  };

  EventTarget.prototype.addEventListener = function (type, listener, options) {
    const detector = typeof listener === 'function' ? origin() : null;
    if (detector) {
      let wrapped = wrappers.get(listener);
      if (!wrapped) {
        wrapped = function (event) {
          const start = performance.now();
          try {
            return listener.apply(this, arguments);
          } finally {
            const spent = performance.now() - start;
            ((byDetector[event.type] ??= {})[detector] ??= []).push(spent);
            let entry = perEvent.get(event);
            if (!entry) {
              entry = { ms: 0 };
              perEvent.set(event, entry);
              (samples[event.type] ??= []).push(entry);
            }
            entry.ms += spent;
          }
        };
        wrappers.set(listener, wrapped);
      }
      return add.call(this, type, wrapped, options);
    }
    return add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    return remove.call(this, type, (listener && wrappers.get(listener)) || listener, options);
  };

  window.__attuneHandlers = () => ({
    isolated: self.crossOriginIsolated,
    byDetector,
    ...Object.fromEntries(Object.entries(samples).map(([type, list]) => [type, list.map((e) => e.ms)])),
  });
})();
