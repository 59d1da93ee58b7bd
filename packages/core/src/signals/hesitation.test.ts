// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startHesitation } from './hesitation';
import { fakeContext, trusted } from './fake-context';

describe('startHesitation', () => {
  let signals: ReturnType<typeof fakeContext>['signals'];
  let stop: () => void;
  const $ = (id: string) => document.getElementById(id)!;
  const move = (el: Element, x: number, y = 100) =>
    trusted(el, new PointerEvent('pointermove', { bubbles: true, clientX: x, clientY: y, pointerType: 'mouse' }));
  const focus = (el: Element) => trusted(el, new FocusEvent('focusin', { bubbles: true }));

  beforeEach(() => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    document.body.innerHTML = `
      <section data-attune="pricing"><p id="copy">Plans</p><button id="buy">Buy</button></section>
      <p id="plain">Text</p><input id="vat"><div data-attune-ignore="dwell"><button id="quiet">Q</button></div>`;
    const f = fakeContext(document);
    signals = f.signals;
    stop = startHesitation(f.ctx, { sectionMs: 60_000 });
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('emits hesitation when the pointer rests on an actionable element for two seconds', () => {
    move($('buy'), 100);
    vi.advanceTimersByTime(1900);
    move($('buy'), 103);
    expect(signals).toHaveLength(0);
    vi.advanceTimersByTime(200);
    expect(signals).toEqual([expect.objectContaining({ type: 'hesitation', target: 'pricing', count: 2 })]);
  });

  it('does not count the pointer resting on a text field', () => {
    move($('vat'), 100);
    vi.advanceTimersByTime(2500);
    expect(signals).toHaveLength(0);
  });

  it('counts a marked section, not plain text, and not an ignored subtree', () => {
    move($('plain'), 100);
    vi.advanceTimersByTime(2500);
    move($('quiet'), 300);
    vi.advanceTimersByTime(2500);
    expect(signals).toHaveLength(0);
    move($('copy'), 500);
    vi.advanceTimersByTime(2500);
    expect(signals.map((s) => s.target)).toEqual(['pricing']);
  });

  it('does not fire when the visitor clicks, types or moves away before the threshold', () => {
    move($('buy'), 100);
    vi.advanceTimersByTime(1500);
    trusted($('buy'), new PointerEvent('pointerdown', { bubbles: true }));
    vi.advanceTimersByTime(3000);
    move($('buy'), 300);
    vi.advanceTimersByTime(1000);
    move($('buy'), 500);
    vi.advanceTimersByTime(1000);
    trusted(document, new KeyboardEvent('keydown'));
    vi.advanceTimersByTime(3000);
    expect(signals).toHaveLength(0);
  });

  it('emits hesitation for a focused field left without typing for five seconds, not once typing started', () => {
    focus($('vat'));
    vi.advanceTimersByTime(4900);
    expect(signals).toHaveLength(0);
    vi.advanceTimersByTime(200);
    expect(signals).toEqual([expect.objectContaining({ type: 'hesitation', target: '#vat', count: 5 })]);
    focus($('vat'));
    vi.advanceTimersByTime(1000);
    trusted($('vat'), new KeyboardEvent('keydown', { bubbles: true }));
    vi.advanceTimersByTime(10_000);
    expect(signals).toHaveLength(1);
  });

  it('emits hesitation for the marked section in view after a long idle, and nothing while hidden', () => {
    stop();
    const f = fakeContext(document);
    signals = f.signals;
    document.elementFromPoint = () => $('copy');
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    stop = startHesitation(f.ctx, { sectionMs: 8000 });
    vi.advanceTimersByTime(9000);
    expect(signals).toHaveLength(0);
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    vi.advanceTimersByTime(7000);
    expect(signals).toHaveLength(0);
    vi.advanceTimersByTime(1100);
    expect(signals).toEqual([expect.objectContaining({ type: 'hesitation', target: 'pricing', count: 8 })]);
  });
});
