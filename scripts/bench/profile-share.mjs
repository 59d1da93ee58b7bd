// Attune's share of a V8 CPU profile (CDP Profiler.stop), for the bench's page-cost runs, and
// where that time falls: before or after the page's load event, and in which main-thread task
// (from a trace of the same run; CDP profiles and traces share one clock, in microseconds).

export const ATTUNE_SCRIPT = /\/attune\/attune[\w-]*\.js/;

/**
 * The samples with Attune's code on the stack (its own frames and whatever they called), each
 * with its timestamp and the time it is charged: the gap to the next sample.
 */
export const attuneSamples = (profile) => {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const memo = new Map();
  const isAttune = (id) => {
    if (memo.has(id)) return memo.get(id);
    const node = byId.get(id);
    const up = parent.get(id);
    const result = ATTUNE_SCRIPT.test(node?.callFrame.url ?? '') || (up !== undefined && isAttune(up));
    memo.set(id, result);
    return result;
  };
  const out = [];
  // timeDeltas[i] is the time before sample i: sample i is charged the gap that follows it.
  let ts = profile.startTime ?? 0;
  for (let i = 0; i < profile.samples.length - 1; i++) {
    ts += profile.timeDeltas[i];
    if (isAttune(profile.samples[i])) out.push({ ts, us: profile.timeDeltas[i + 1] });
  }
  return out;
};

/** Milliseconds of a V8 CPU profile spent with Attune's code on the stack, attributed within one run. */
export const attuneProfileMs = (profile) => attuneSamples(profile).reduce((sum, s) => sum + s.us, 0) / 1000;

const LONG_TASK_US = 50_000;

// The renderer main thread that evaluated Attune's script, and the main frame's load event on it.
const attuneThread = (traceEvents) => {
  const evaluated = traceEvents.find((e) => e.name === 'EvaluateScript' && ATTUNE_SCRIPT.test(e.args?.data?.url ?? ''));
  if (!evaluated) return null;
  const { pid, tid } = evaluated;
  return { pid, tid, load: traceEvents.find((e) => e.name === 'MarkLoad' && e.pid === pid && e.args?.data?.isMainFrame) };
};

/**
 * Attune's own trace events on the main thread before the main frame's load event (its scripts'
 * evaluations, and any call into them), outermost only: their wall time and their thread (CPU)
 * time, in ms. Needs only the `devtools.timeline` categories, no profiler. `null` when the trace
 * has no Attune script evaluation.
 */
export const attuneTracedBeforeLoad = (traceEvents) => {
  const thread = attuneThread(traceEvents);
  if (!thread) return null;
  const { pid, tid, load } = thread;
  const own = traceEvents
    .filter(
      (e) => e.pid === pid && e.tid === tid && e.ph === 'X' && ATTUNE_SCRIPT.test(e.args?.data?.url ?? '') && (!load || e.ts < load.ts),
    )
    .sort((a, b) => a.ts - b.ts);
  let wall = 0;
  let cpu = 0;
  let end = -Infinity;
  for (const e of own) {
    // Only outermost events: a compile inside an evaluation is already in the evaluation.
    if (e.ts >= end) {
      wall += e.dur;
      cpu += e.tdur ?? e.dur;
    }
    end = Math.max(end, e.ts + e.dur);
  }
  return { ms: wall / 1000, cpuMs: cpu / 1000 };
};

/**
 * Where Attune's profiled time falls in one page view, given the trace of the same run
 * (`devtools.timeline` categories): milliseconds before and after the main frame's load event
 * (and before it, the trace's own duration of Attune's script evaluations and calls);
 * the most of it in any one main-thread task; and the tasks over 50 ms with Attune's code in
 * them, of which `longTasksAdded` would have stayed under 50 ms without Attune's share.
 * `null` when the trace has no Attune script evaluation.
 */
export const attuneTiming = (profile, traceEvents) => {
  const thread = attuneThread(traceEvents);
  if (!thread) return null;
  const { pid, tid, load } = thread;
  const tasks = traceEvents
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.name === 'RunTask')
    .sort((a, b) => a.ts - b.ts);
  const inTask = new Map();
  let before = 0;
  let after = 0;
  let t = 0;
  for (const s of attuneSamples(profile)) {
    if (load && s.ts < load.ts) before += s.us;
    else after += s.us;
    while (t < tasks.length && tasks[t].ts + tasks[t].dur < s.ts) t++;
    const task = tasks[t];
    if (task && task.ts <= s.ts) inTask.set(task, (inTask.get(task) ?? 0) + s.us);
  }
  const traced = attuneTracedBeforeLoad(traceEvents);
  let maxTaskShare = 0;
  let longTasks = 0;
  let added = 0;
  for (const [task, us] of inTask) {
    maxTaskShare = Math.max(maxTaskShare, us);
    if (task.dur > LONG_TASK_US) {
      longTasks++;
      if (task.dur - us <= LONG_TASK_US) added++;
    }
  }
  return {
    beforeLoadMs: before / 1000,
    tracedBeforeLoadMs: traced.ms,
    afterLoadMs: after / 1000,
    maxTaskShareMs: maxTaskShare / 1000,
    longTasksWithAttune: longTasks,
    longTasksAdded: added,
  };
};
