// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignalRecord } from '@attune/rules';
import type { DetectorContext } from './detector';
import { startRageClick } from './rage-click';
import { watchResponse } from './watch-response';

const trustedClick = (el: Element, x = 100, y = 100, init: MouseEventInit = {}) => {
  const event = new MouseEvent('click', { bubbles: true, clientX: x, clientY: y, button: 0, ...init });
  Object.defineProperty(event, 'isTrusted', { value: true });
  el.dispatchEvent(event);
};

describe('startRageClick', () => {
  let emitted: Omit<SignalRecord, 'path'>[];
  let stop: () => void;
  const ctx = (): DetectorContext => ({
    doc: document,
    emit: (s) => emitted.push({ ...s, at: s.at ?? Date.now() }),
    now: () => Date.now(),
    schedule: (fn, ms) => {
      const id = setTimeout(fn, ms);
      return () => clearTimeout(id);
    },
    wrap: (fn) => fn,
  });

  beforeEach(() => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    emitted = [];
    document.body.innerHTML = `
      <section data-attune="pricing"><article data-attune="plan-team"><span id="term">Unlimited</span></article></section>
      <button id="buy">Buy</button>
      <input id="name"><input id="qty" type="number">
      <div data-attune-ignore="rage"><button id="quiet">Quiet</button></div>
      <div data-attune-ui><button id="own">Attune</button></div>
      <button id="next" aria-label="Next slide">›</button>`;
    const c = ctx();
    c.watch = watchResponse(c);
    stop = startRageClick(c, {});
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  const burst = (id: string, n: number, gap = 150, dx = 0) => {
    const el = document.getElementById(id)!;
    for (let i = 0; i < n; i++) {
      trustedClick(el, 100 + i * dx, 100);
      vi.advanceTimersByTime(gap);
    }
    vi.advanceTimersByTime(1000);
  };

  it('emits one rage_click per burst of three or more clicks, with its count and labelled target', () => {
    burst('term', 5);
    expect(emitted).toHaveLength(1);
    expect(emitted[0]).toMatchObject({ type: 'rage_click', target: 'pricing/plan-team', count: 5 });
  });

  it('does not fire for two clicks', () => {
    burst('buy', 2);
    expect(emitted).toHaveLength(0);
  });

  it('does not join clicks more than a second apart into one burst', () => {
    burst('buy', 4, 1100);
    expect(emitted).toHaveLength(0);
  });

  it('does not join clicks more than 40 px apart', () => {
    burst('buy', 4, 100, 30);
    expect(emitted).toHaveLength(0);
  });

  it("ignores text fields, number inputs, carousel arrows, ignored subtrees and Attune's own UI", () => {
    for (const id of ['name', 'qty', 'next', 'quiet', 'own']) burst(id, 5);
    expect(emitted).toHaveLength(0);
  });

  it('ignores untrusted, modified and non-primary clicks', () => {
    const el = document.getElementById('buy')!;
    for (let i = 0; i < 5; i++) el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    for (let i = 0; i < 5; i++) trustedClick(el, 100, 100, { metaKey: true });
    for (let i = 0; i < 5; i++) trustedClick(el, 100, 100, { button: 1 });
    vi.advanceTimersByTime(2000);
    expect(emitted).toHaveLength(0);
  });

  it('marks a burst high confidence when nothing responded to it, normal when the page responded', async () => {
    const live = document.getElementById('term')!;
    live.addEventListener('click', () => live.setAttribute('data-n', String(Math.random())));
    for (const id of ['buy', 'term']) {
      for (let i = 0; i < 3; i++) {
        trustedClick(document.getElementById(id)!);
        await vi.advanceTimersByTimeAsync(150);
      }
      await vi.advanceTimersByTimeAsync(1000);
    }
    expect(emitted.map((s) => [s.target, s.confidence])).toEqual([
      ['#buy', 'high'],
      ['pricing/plan-team', undefined],
    ]);
  });

  it('marks a burst high confidence when an uncaught error follows it', async () => {
    const live = document.getElementById('term')!;
    live.addEventListener('click', () => live.setAttribute('data-n', String(Math.random())));
    const el = document.getElementById('term')!;
    for (let i = 0; i < 3; i++) trustedClick(el);
    await Promise.resolve();
    window.dispatchEvent(new ErrorEvent('error', { message: 'boom' }));
    vi.advanceTimersByTime(1100);
    expect(emitted[0]).toMatchObject({ type: 'rage_click', confidence: 'high' });
  });

  it('ignores a modal backdrop clicked to close it', () => {
    document.body.insertAdjacentHTML('beforeend', '<div id="shade" class="modal-backdrop"></div>');
    burst('shade', 4);
    expect(emitted).toHaveLength(0);
  });

  it('names an unlabelled target by id, never by its text', () => {
    burst('buy', 3);
    expect(emitted[0]?.target).toBe('#buy');
  });

  it('stops listening after teardown', () => {
    stop();
    burst('buy', 5);
    expect(emitted).toHaveLength(0);
  });
});
