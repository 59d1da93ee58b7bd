// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startScrollThrash } from './scroll-thrash';
import { fakeContext } from './fake-context';

describe('startScrollThrash', () => {
  let signals: ReturnType<typeof fakeContext>['signals'];
  let stop: () => void;
  const scrollTo = (y: number, after = 200) => {
    vi.advanceTimersByTime(after);
    Object.defineProperty(window, 'scrollY', { value: y, configurable: true });
    document.dispatchEvent(new Event('scroll'));
  };

  beforeEach(() => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    Object.defineProperty(window, 'innerHeight', { value: 800, configurable: true });
    scrollTo(0);
    document.elementFromPoint = () => null;
    const f = fakeContext(document);
    signals = f.signals;
    stop = startScrollThrash(f.ctx, {});
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('reads no scroll position at start-up (that would force a layout while the page loads)', () => {
    stop();
    const read = vi.fn(() => 0);
    Object.defineProperty(window, 'scrollY', { get: read, configurable: true });
    stop = startScrollThrash(fakeContext(document).ctx, {});
    expect(read).not.toHaveBeenCalled();
    document.dispatchEvent(new Event('scroll'));
    expect(read).toHaveBeenCalled();
  });

  it('emits scroll_thrash after three large reversals within four seconds, once', () => {
    for (const y of [500, 1000, 400, 1000]) scrollTo(y);
    expect(signals).toEqual([]);
    scrollTo(300);
    scrollTo(900);
    expect(signals).toEqual([expect.objectContaining({ type: 'scroll_thrash', target: 'page', count: 3 })]);
  });

  it('ignores small reversals, slow reading, and reversals spread over more than four seconds', () => {
    for (let y = 0; y < 4000; y += 150) scrollTo(y % 600 === 0 ? y - 300 : y, 1000);
    for (const y of [4600, 4000, 4600, 4000]) scrollTo(y, 2100);
    expect(signals).toHaveLength(0);
  });
});
