import { describe, expect, it, vi } from 'vitest';
import { onIdle, whenSettled } from './settled';

/** A window with hand-driven load, idle callbacks, frames and timers. */
const fakeWindow = ({ readyState = 'loading', idle = true } = {}) => {
  const listeners = new Map<string, Set<EventListener>>();
  const idles: (() => void)[] = [];
  const frames: (() => void)[] = [];
  const timers: (() => void)[] = [];
  const win = {
    document: { readyState },
    addEventListener: (type: string, fn: EventListener, options?: AddEventListenerOptions) => {
      const once: EventListener = (e) => {
        if (options?.once) listeners.get(type)!.delete(once);
        fn(e);
      };
      (listeners.get(type) ?? listeners.set(type, new Set()).get(type)!).add(once);
    },
    requestIdleCallback: idle ? (fn: () => void) => idles.push(fn) : undefined,
    cancelIdleCallback: vi.fn(),
    requestAnimationFrame: (fn: () => void) => frames.push(fn),
    setTimeout: (fn: () => void) => timers.push(fn),
    clearTimeout: vi.fn(),
  };
  const drain = (list: (() => void)[]) => list.splice(0).forEach((fn) => fn());
  return {
    win: win as unknown as Window,
    fire: (type: string) => [...(listeners.get(type) ?? [])].forEach((fn) => fn(new Event(type))),
    idle: () => drain(idles),
    frame: () => drain(frames),
    tick: () => drain(timers),
    pending: () => ({ idles: idles.length, frames: frames.length, timers: timers.length }),
  };
};

describe('whenSettled', () => {
  it('waits for load, then for an idle moment, and runs once', () => {
    const page = fakeWindow();
    const fn = vi.fn();
    whenSettled(page.win, fn);
    page.idle();
    page.tick();
    expect(fn).not.toHaveBeenCalled();
    page.fire('load');
    expect(fn).not.toHaveBeenCalled();
    page.idle();
    expect(fn).toHaveBeenCalledTimes(1);
    // A press after that starts nothing again.
    page.fire('pointerdown');
    page.frame();
    page.tick();
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('on a page that has loaded already, runs at the next idle moment', () => {
    const page = fakeWindow({ readyState: 'complete' });
    const fn = vi.fn();
    whenSettled(page.win, fn);
    expect(fn).not.toHaveBeenCalled();
    page.idle();
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('a press or key before load runs it after the next frame, in a task of its own, never inside the input', () => {
    for (const type of ['pointerdown', 'keydown']) {
      const page = fakeWindow();
      const fn = vi.fn();
      whenSettled(page.win, fn);
      page.fire(type);
      expect(fn).not.toHaveBeenCalled();
      page.frame();
      expect(fn).not.toHaveBeenCalled();
      page.tick();
      expect(fn).toHaveBeenCalledTimes(1);
      // The load that comes later does not run it a second time.
      page.fire('load');
      page.idle();
      page.fire(type === 'keydown' ? 'pointerdown' : 'keydown');
      page.frame();
      page.tick();
      expect(fn).toHaveBeenCalledTimes(1);
    }
  });
});

describe('onIdle', () => {
  it('uses requestIdleCallback where there is one, and a short timer where there is not (Safari)', () => {
    const withIdle = fakeWindow();
    const a = vi.fn();
    onIdle(withIdle.win, a);
    expect(withIdle.pending()).toMatchObject({ idles: 1, timers: 0 });
    withIdle.idle();
    expect(a).toHaveBeenCalledTimes(1);

    const without = fakeWindow({ idle: false });
    const b = vi.fn();
    onIdle(without.win, b);
    expect(without.pending()).toMatchObject({ idles: 0, timers: 1 });
    without.tick();
    expect(b).toHaveBeenCalledTimes(1);
  });
});
