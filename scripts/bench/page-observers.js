// Injected before any page script by the bench (page-cost.mjs): long tasks, layout shifts and
// Event Timing entries, summarised on demand as window.__bench. Plain browser JavaScript.
(() => {
  const longTasks = [];
  const shifts = [];
  const interactions = new Map();
  let visitStart = Infinity;
  const observe = (type, fn, extra = {}) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(fn)).observe({ type, buffered: true, ...extra });
    } catch {
      // Entry type not supported: that figure stays empty.
    }
  };
  observe('longtask', (e) => longTasks.push({ start: e.startTime, duration: e.duration }));
  observe('layout-shift', (e) => shifts.push({ start: e.startTime, value: e.value, input: e.hadRecentInput }));
  observe(
    'event',
    (e) => {
      if (e.interactionId) interactions.set(e.interactionId, Math.max(interactions.get(e.interactionId) ?? 0, e.duration));
    },
    { durationThreshold: 16 },
  );

  // CLS as web.dev defines it: the largest session window of shifts without recent input
  // (shifts less than 1 s apart, a window at most 5 s long).
  const cls = () => {
    let max = 0;
    let current = 0;
    let first = 0;
    let last = 0;
    for (const s of shifts) {
      if (s.input) continue;
      if (current && s.start - last < 1000 && s.start - first < 5000) current += s.value;
      else {
        current = s.value;
        first = s.start;
      }
      last = s.start;
      max = Math.max(max, current);
    }
    return max;
  };

  // INP from Event Timing: the longest interaction, or with 50 or more interactions the one
  // that leaves out one per 50 (the 98th percentile). Interactions under 16 ms are not observed
  // and count as shorter than every observed one.
  const inp = () => {
    const count = performance.interactionCount ?? interactions.size;
    const sorted = [...interactions.values()].sort((a, b) => b - a);
    if (!sorted.length) return 0;
    return sorted[Math.min(Math.floor(count / 50), sorted.length - 1)];
  };

  window.__bench = {
    startVisit() {
      visitStart = performance.now();
    },
    longTasks() {
      return { count: longTasks.length, ms: longTasks.reduce((n, t) => n + t.duration, 0) };
    },
    summary() {
      const visitTasks = longTasks.filter((t) => t.start >= visitStart);
      return {
        longTasksVisit: visitTasks.length,
        inp: inp(),
        maxInteraction: Math.max(0, ...interactions.values()),
        interactionCount: performance.interactionCount ?? null,
        cls: +cls().toFixed(4),
        helpShown: !!document.querySelector('[data-attune-ui]'),
        handlers: window.__attuneHandlers?.() ?? null,
      };
    },
  };
})();
