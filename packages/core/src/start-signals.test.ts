// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSignals } from './start-signals';
import { click, fakeContext } from './signals/fake-context';

describe('startSignals', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    document.body.innerHTML = `<button id="buy">Buy</button>`;
  });
  afterEach(() => vi.useRealTimers());

  const rage = (stopAfter: boolean, config: Parameters<typeof startSignals>[1]) => {
    const { ctx, signals } = fakeContext(document);
    const inspected: string[] = [];
    ctx.inspect = (el, s) => inspected.push(`${s.type}@${el.id}`);
    const stop = startSignals(ctx, config);
    if (stopAfter) stop();
    for (let i = 0; i < 4; i++) click(document.getElementById('buy')!);
    vi.advanceTimersByTime(3000);
    stop();
    return { types: signals.map((s) => s.type), inspected };
  };

  it('runs every detector by default and hands each signal\'s element to inspect', () => {
    const { types, inspected } = rage(false, undefined);
    expect(types).toContain('rage_click');
    expect(types).toContain('dead_click');
    expect(inspected).toContain('rage_click@buy');
  });

  it('switches a detector off with false and passes settings to the others', () => {
    expect(rage(false, { rage: false, dead: { waitMs: 500 } }).types).toEqual(['dead_click']);
    expect(rage(false, { rage: { clicks: 5 }, dead: false }).types).toEqual([]);
  });

  it('stops every detector with the returned teardown', () => {
    expect(rage(true, {}).types).toEqual([]);
  });

  it('keeps the other detectors running when one fails to start', () => {
    const { ctx, signals } = fakeContext(document);
    const errors: unknown[] = [];
    ctx.wrap = (fn) => (...args) => {
      try {
        fn(...args);
      } catch (error) {
        errors.push(error);
      }
    };
    const matchMedia = vi.spyOn(window, 'matchMedia').mockImplementation(() => {
      throw new Error('no media queries');
    });
    const stop = startSignals(ctx, { dead: false });
    matchMedia.mockRestore();
    for (let i = 0; i < 4; i++) click(document.getElementById('buy')!);
    vi.advanceTimersByTime(2000);
    stop();
    expect(errors).toEqual([new Error('no media queries')]);
    expect(signals.map((s) => s.type)).toContain('rage_click');
  });
});
