// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DetectorContext } from './detector';
import { startBackForth } from './back-forth';
import { fakeContext } from './fake-context';

describe('startBackForth', () => {
  let stored: Map<string, string>;
  const session: DetectorContext['session'] = { get: (k) => stored.get(k) ?? null, set: (k, v) => void stored.set(k, v) };
  const load = (path: string, config = {}, leave?: () => void) => {
    history.replaceState({}, '', path);
    const f = fakeContext(document, { session });
    f.ctx.doc.defaultView!.navigation = undefined as never;
    const stop = startBackForth(f.ctx, config);
    leave?.();
    stop();
    return f.signals;
  };
  const submitThenLeave = () => {
    const form = document.body.appendChild(document.createElement('form'));
    const event = new Event('submit', { bubbles: true });
    Object.defineProperty(event, 'isTrusted', { value: true });
    form.dispatchEvent(event);
    vi.advanceTimersByTime(1500);
    window.dispatchEvent(new Event('pagehide'));
    form.remove();
  };

  beforeEach(() => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    stored = new Map();
  });
  afterEach(() => {
    history.replaceState({}, '', '/');
    vi.useRealTimers();
  });

  it('emits back_forth for A → B → A across page loads within 10 s', () => {
    expect(load('/pricing')).toHaveLength(0);
    vi.advanceTimersByTime(3000);
    expect(load('/features')).toHaveLength(0);
    vi.advanceTimersByTime(3000);
    expect(load('/pricing')).toEqual([expect.objectContaining({ type: 'back_forth', target: 'page', count: 2 })]);
  });

  it('does not count A → B → A that took longer than the window', () => {
    load('/pricing');
    vi.advanceTimersByTime(6000);
    load('/features');
    vi.advanceTimersByTime(6000);
    expect(load('/pricing')).toHaveLength(0);
  });

  it('emits back_forth on the third load of the same page, with the count', () => {
    load('/checkout');
    vi.advanceTimersByTime(20_000);
    expect(load('/checkout')).toHaveLength(0);
    vi.advanceTimersByTime(20_000);
    expect(load('/checkout')).toEqual([expect.objectContaining({ type: 'back_forth', count: 3 })]);
  });

  it('emits back_forth for route changes inside one page, with no session storage', () => {
    history.replaceState({}, '', '/a');
    const f = fakeContext(document);
    (f.ctx.doc.defaultView as unknown as { navigation?: unknown }).navigation = undefined;
    const stop = startBackForth(f.ctx, {});
    for (const path of ['/b', '/a']) {
      history.pushState({}, '', path);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }
    stop();
    expect(f.signals.map((s) => s.type)).toEqual(['back_forth']);
    expect(stored.size).toBe(0);
  });

  it('does not count loads that answer a form submit (Apply reloading the same path, then Continue)', () => {
    load('/cart', {}, submitThenLeave);
    vi.advanceTimersByTime(3000);
    expect(load('/cart', {}, submitThenLeave)).toHaveLength(0);
    vi.advanceTimersByTime(3000);
    expect(load('/cart', {}, submitThenLeave)).toHaveLength(0);
    vi.advanceTimersByTime(3000);
    expect(load('/checkout')).toHaveLength(0);
    // The same reloads without a submit are going round in circles.
    vi.advanceTimersByTime(3000);
    load('/cart');
    expect(load('/cart')).toEqual([expect.objectContaining({ type: 'back_forth' })]);
  });
});
