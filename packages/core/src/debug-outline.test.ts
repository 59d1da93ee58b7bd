// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { outlineTarget } from './debug-outline';

describe('outlineTarget', () => {
  afterEach(() => vi.useRealTimers());

  it('draws a labelled overlay marked as Attune UI, leaves the target untouched, and removes it later', () => {
    vi.useFakeTimers();
    document.body.innerHTML = `<button id="buy" style="color: red">Buy</button>`;
    const buy = document.getElementById('buy')!;
    const before = buy.outerHTML;
    outlineTarget(document, buy, 'rage_click #buy ×4', 1000);
    const box = document.querySelector('[data-attune-ui]') as HTMLElement;
    expect(box).not.toBeNull();
    expect(box.textContent).toBe('rage_click #buy ×4');
    expect(box.style.position).toBe('fixed');
    expect(box.style.pointerEvents).toBe('none');
    expect(buy.outerHTML).toBe(before);
    vi.advanceTimersByTime(1000);
    expect(document.querySelector('[data-attune-ui]')).toBeNull();
  });

  it('puts label text in as text, never as markup', () => {
    document.body.innerHTML = `<p id="p">x</p>`;
    outlineTarget(document, document.getElementById('p')!, '<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });
});
