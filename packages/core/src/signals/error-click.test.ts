// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startErrorClick } from './error-click';
import { click, fakeContext } from './fake-context';

describe('startErrorClick', () => {
  let signals: ReturnType<typeof fakeContext>['signals'];
  let stop: () => void;
  const $ = (id: string) => document.getElementById(id)!;
  const error = () => window.dispatchEvent(new ErrorEvent('error', { message: 'x is undefined' }));

  beforeEach(() => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    document.body.innerHTML = `<button id="pay"><span id="label">Pay</span></button><div data-attune-ui><button id="own">x</button></div>`;
    const f = fakeContext(document);
    signals = f.signals;
    stop = startErrorClick(f.ctx, {});
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('emits error_click on the clicked control when an uncaught error follows within a second', () => {
    click($('label'));
    vi.advanceTimersByTime(900);
    error();
    expect(signals).toEqual([expect.objectContaining({ type: 'error_click', target: '#pay', count: 1 })]);
  });

  it('counts an unhandled rejection too, and reports one signal per click', () => {
    click($('pay'));
    window.dispatchEvent(new Event('unhandledrejection'));
    error();
    expect(signals).toHaveLength(1);
  });

  it('does not tie an error more than a second after the click to it', () => {
    click($('pay'));
    vi.advanceTimersByTime(1100);
    error();
    expect(signals).toHaveLength(0);
  });

  it("ignores errors without a click, failed resource loads and clicks in Attune's UI", () => {
    error();
    click($('pay'));
    $('pay').dispatchEvent(new Event('error'));
    click($('own'));
    error();
    expect(signals).toHaveLength(0);
  });
});
