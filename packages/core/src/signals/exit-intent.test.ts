// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startExitIntent } from './exit-intent';
import { fakeContext, trusted } from './fake-context';

describe('startExitIntent', () => {
  let signals: ReturnType<typeof fakeContext>['signals'];
  let stop: () => void;
  const move = (y: number) => trusted(document.body, new PointerEvent('pointermove', { bubbles: true, clientY: y }));
  const engage = () => trusted(document.body, new PointerEvent('pointerdown', { bubbles: true }));
  const leave = (y: number) =>
    trusted(document.documentElement, new MouseEvent('mouseout', { bubbles: true, clientY: y, relatedTarget: null }));

  beforeEach(() => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    const f = fakeContext(document);
    signals = f.signals;
    stop = startExitIntent(f.ctx, {});
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('emits exit_intent once when an engaged visitor leaves through the top moving fast, after 3 s', () => {
    vi.advanceTimersByTime(3000);
    engage();
    move(200);
    move(40);
    leave(-2);
    move(40);
    leave(-2);
    expect(signals).toEqual([expect.objectContaining({ type: 'exit_intent', target: 'page', count: 1 })]);
  });

  it('does not fire before any engagement, or at an ordinary pace to the tab strip', () => {
    vi.advanceTimersByTime(3000);
    move(200);
    move(40);
    leave(-2);
    engage();
    for (let y = 200; y >= 0; y -= 8) {
      vi.advanceTimersByTime(16);
      move(y);
    }
    leave(-1);
    expect(signals).toHaveLength(0);
  });

  it('does not fire in the first seconds, when leaving sideways or down, or when moving down', () => {
    engage();
    move(200);
    move(40);
    leave(-2);
    vi.advanceTimersByTime(3000);
    move(40);
    move(300);
    leave(300);
    move(10);
    move(30);
    leave(0);
    expect(signals).toHaveLength(0);
  });

  it('on a touch device, emits exit_intent for a fast scroll from a screen down back to the top, not a slow one', () => {
    stop();
    const coarse = vi.spyOn(window, 'matchMedia').mockReturnValue({ matches: true } as MediaQueryList);
    const f = fakeContext(document);
    signals = f.signals;
    stop = startExitIntent(f.ctx, {});
    coarse.mockRestore();
    Object.defineProperty(window, 'innerHeight', { value: 800, configurable: true });
    const scrollTo = (y: number, after: number) => {
      vi.advanceTimersByTime(after);
      Object.defineProperty(window, 'scrollY', { value: y, configurable: true });
      document.dispatchEvent(new Event('scroll'));
    };
    vi.advanceTimersByTime(3000);
    scrollTo(1600, 100);
    scrollTo(400, 600);
    scrollTo(0, 600);
    expect(signals).toHaveLength(0);
    scrollTo(1600, 100);
    scrollTo(700, 200);
    scrollTo(10, 200);
    expect(signals).toEqual([expect.objectContaining({ type: 'exit_intent', target: 'page' })]);
  });
});
