// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { startSlowInteraction } from './slow-interaction';
import { fakeContext } from './fake-context';

type Entry = { interactionId: number; duration: number; target: Element | null; startTime?: number; processingEnd?: number };

/** A window whose PerformanceObserver delivers the entries the test hands it. */
const fakeWindow = () => {
  let deliver: (entries: Entry[]) => void = () => {};
  let observed: unknown;
  class FakeObserver {
    static supportedEntryTypes = ['event', 'resource'];
    constructor(cb: (list: { getEntries(): Entry[] }) => void) {
      deliver = (entries) => cb({ getEntries: () => entries.map((e) => ({ startTime: 0, processingEnd: e.duration, ...e })) });
    }
    observe(options: unknown) {
      observed = options;
    }
    disconnect() {
      deliver = () => {};
    }
  }
  const doc = { defaultView: { PerformanceObserver: FakeObserver, Element } } as unknown as Document;
  return { doc, deliver: (entries: Entry[]) => deliver(entries), observed: () => observed };
};

describe('startSlowInteraction', () => {
  document.body.innerHTML = `<button id="save">Save</button><select id="size"><option>S</option></select><div data-attune-ignore="slow"><button id="quiet">Q</button></div>`;
  const save = document.getElementById('save');
  const quiet = document.getElementById('quiet');
  const size = document.getElementById('size');

  it('emits slow_interaction once per interaction slower than 500 ms, on its target, with the latency', () => {
    const w = fakeWindow();
    const { ctx, signals } = fakeContext(w.doc);
    const stop = startSlowInteraction(ctx, {});
    expect(w.observed()).toMatchObject({ type: 'event', durationThreshold: 500 });
    w.deliver([
      { interactionId: 7, duration: 640, target: save },
      { interactionId: 7, duration: 648, target: save },
      { interactionId: 8, duration: 480, target: save },
      { interactionId: 0, duration: 900, target: save },
    ]);
    stop();
    w.deliver([{ interactionId: 9, duration: 900, target: save }]);
    expect(signals).toEqual([expect.objectContaining({ type: 'slow_interaction', target: '#save', count: 640 })]);
  });

  it('honours a lower threshold, names a removed target "page" and skips ignored subtrees', () => {
    const w = fakeWindow();
    const { ctx, signals } = fakeContext(w.doc);
    startSlowInteraction(ctx, { thresholdMs: 200 });
    w.deliver([
      { interactionId: 1, duration: 240, target: null },
      { interactionId: 2, duration: 240, target: quiet },
    ]);
    expect(signals.map((s) => s.target)).toEqual(['page']);
  });

  it('does nothing where the Performance Observer API is missing', () => {
    const { ctx, signals } = fakeContext({ defaultView: {} } as Document);
    expect(() => startSlowInteraction(ctx, {})()).not.toThrow();
    expect(signals).toHaveLength(0);
  });

  it("leaves out the browser's own latency: an interaction mostly spent presenting, and native selects", () => {
    const w = fakeWindow();
    const { ctx, signals } = fakeContext(w.doc);
    startSlowInteraction(ctx, {});
    w.deliver([
      { interactionId: 1, duration: 700, target: save, startTime: 100, processingEnd: 130 },
      { interactionId: 2, duration: 700, target: size },
      { interactionId: 3, duration: 700, target: save, startTime: 100, processingEnd: 400 },
    ]);
    expect(signals.map((s) => s.count)).toEqual([700]);
  });
});
