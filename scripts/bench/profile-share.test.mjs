import { describe, expect, it } from 'vitest';
import { attuneProfileMs, attuneTiming, attuneTracedBeforeLoad } from './profile-share.mjs';

// root → page.js main → attune.js start → (native) fetch; root → attune-engine.js evaluate
const frame = (url, functionName = 'f') => ({ url, functionName, lineNumber: 0, columnNumber: 0, scriptId: '1' });
const profile = {
  nodes: [
    { id: 1, callFrame: frame('', '(root)'), children: [2, 5, 6] },
    { id: 2, callFrame: frame('http://x/site.js', 'main'), children: [3] },
    { id: 3, callFrame: frame('http://x/attune/attune.js', 'start'), children: [4] },
    { id: 4, callFrame: frame('', 'fetch'), children: [] },
    { id: 5, callFrame: frame('http://x/attune/attune-engine.js', 'evaluate'), children: [] },
    { id: 6, callFrame: frame('', '(idle)'), children: [] },
  ],
  samples: [2, 3, 4, 5, 6, 2],
  timeDeltas: [0, 1000, 2000, 3000, 4000, 5000],
};

describe('attuneProfileMs', () => {
  it("charges Attune's frames, what they called and every attune-*.js chunk, and nothing else", () => {
    // Samples on 3, 4 and 5 are charged the gaps after them: 2 + 3 + 4 ms.
    expect(attuneProfileMs(profile)).toBe(9);
  });

  it('is zero for a profile without Attune on the stack', () => {
    expect(attuneProfileMs({ ...profile, samples: [2, 6, 2], timeDeltas: [0, 1000, 1000] })).toBe(0);
  });
});

describe('attuneTiming', () => {
  // Attune samples (nodes 3, 4, 5) at 1, 3 and 6 ms after the start, charged 2, 3 and 4 ms.
  const timed = { ...profile, startTime: 0 };
  const main = { pid: 1, tid: 1 };
  const trace = (loadAt, tasks) => [
    { ...main, name: 'EvaluateScript', ph: 'X', ts: 900, dur: 300, args: { data: { url: 'http://x/attune/attune.js' } } },
    { ...main, name: 'v8.compile', ph: 'X', ts: 950, dur: 100, args: { data: { url: 'http://x/attune/attune.js' } } },
    { ...main, name: 'MarkLoad', ph: 'I', ts: loadAt, args: { data: { isMainFrame: true } } },
    ...tasks.map(([ts, dur]) => ({ ...main, name: 'RunTask', ph: 'X', ts, dur })),
  ];

  it("splits Attune's time at the load event and charges it to the task it ran in", () => {
    const timing = attuneTiming(
      timed,
      trace(4000, [
        [500, 3000],
        [5000, 60_000],
      ]),
    );
    expect(timing).toMatchObject({ beforeLoadMs: 5, afterLoadMs: 4, maxTaskShareMs: 5, longTasksWithAttune: 1, longTasksAdded: 0 });
    // The traced evaluation (0.3 ms) counts once, with the compile nested in it left out.
    expect(timing.tracedBeforeLoadMs).toBe(0.3);
  });

  it("counts a long task as added by Attune only when it would be under 50 ms without Attune's share", () => {
    const timing = attuneTiming(timed, trace(0, [[5000, 53_000]]));
    expect(timing).toMatchObject({ beforeLoadMs: 0, afterLoadMs: 9, longTasksWithAttune: 1, longTasksAdded: 1 });
  });

  it('is null for a page view without Attune', () => {
    expect(attuneTiming(timed, [{ ...main, name: 'RunTask', ph: 'X', ts: 0, dur: 10 }])).toBeNull();
  });
});

describe('attuneTracedBeforeLoad', () => {
  const main = { pid: 1, tid: 1 };
  const attuneEvent = (name, ts, dur, tdur) => ({
    ...main,
    name,
    ph: 'X',
    ts,
    dur,
    tdur,
    args: { data: { url: 'http://x/attune/attune.js' } },
  });
  const events = [
    attuneEvent('EvaluateScript', 900, 300, 120),
    attuneEvent('v8.compile', 950, 100, 90),
    // A page script and a call into Attune after load are not counted.
    { ...main, name: 'EvaluateScript', ph: 'X', ts: 1300, dur: 5000, tdur: 5000, args: { data: { url: 'http://x/site.js' } } },
    { ...main, name: 'MarkLoad', ph: 'I', ts: 7000, args: { data: { isMainFrame: true } } },
    attuneEvent('FunctionCall', 8000, 2000, 2000),
  ];

  it("sums the wall and thread time of Attune's outermost events before the load event", () => {
    expect(attuneTracedBeforeLoad(events)).toEqual({ ms: 0.3, cpuMs: 0.12 });
  });

  it('is null for a page view without Attune', () => {
    expect(attuneTracedBeforeLoad(events.filter((e) => !/attune/.test(e.args?.data?.url ?? '')))).toBeNull();
  });
});
