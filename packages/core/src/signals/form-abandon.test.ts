// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFormAbandon } from './form-abandon';
import { fakeContext, trusted } from './fake-context';

describe('startFormAbandon', () => {
  let signals: ReturnType<typeof fakeContext>['signals'];
  let stop: () => void;
  const $ = (id: string) => document.getElementById(id) as HTMLInputElement;
  const type = (el: HTMLInputElement) => trusted(el, new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
  const hide = (state: 'hidden' | 'visible') => {
    Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  };

  beforeEach(() => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    document.body.innerHTML = `<form id="f"><input id="email"><input id="company"></form><input id="search">
      <form role="search"><input id="q"><select id="in"><option>All</option></select></form>
      <form><input id="q2" type="search"><input id="near"></form><form><input id="news"><button>Subscribe</button></form>`;
    const f = fakeContext(document);
    signals = f.signals;
    stop = startFormAbandon(f.ctx, { hiddenMs: 10_000 });
  });
  afterEach(() => {
    stop();
    hide('visible');
    vi.useRealTimers();
  });

  it('emits form_abandon on pagehide with the last touched field and the fields touched', () => {
    type($('email'));
    type($('company'));
    type($('email'));
    window.dispatchEvent(new Event('pagehide'));
    expect(signals).toEqual([expect.objectContaining({ type: 'form_abandon', target: '#email', count: 2 })]);
  });

  it('emits form_abandon when the tab stays hidden long enough, not when it comes back sooner', () => {
    type($('company'));
    hide('hidden');
    vi.advanceTimersByTime(9000);
    hide('visible');
    vi.advanceTimersByTime(5000);
    expect(signals).toHaveLength(0);
    hide('hidden');
    vi.advanceTimersByTime(10_000);
    expect(signals).toEqual([expect.objectContaining({ type: 'form_abandon', target: '#company', count: 1 })]);
  });

  it('emits form_abandon when the route changes to another path', () => {
    type($('email'));
    history.pushState({}, '', '/elsewhere');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(signals.map((s) => s.type)).toEqual(['form_abandon']);
    history.pushState({}, '', '/');
  });

  it('does not emit after the form was submitted, for untouched forms, or for fields outside a form', () => {
    window.dispatchEvent(new Event('pagehide'));
    type($('search'));
    window.dispatchEvent(new Event('pagehide'));
    type($('email'));
    $('f').dispatchEvent(new Event('submit', { bubbles: true }));
    window.dispatchEvent(new Event('pagehide'));
    expect(signals).toHaveLength(0);
  });

  it('leaves search forms and single-field forms out', () => {
    for (const id of ['q', 'in', 'q2', 'near', 'news']) type($(id));
    window.dispatchEvent(new Event('pagehide'));
    expect(signals).toHaveLength(0);
  });

  it('is not started by a change event (a field committing its value as focus leaves after a route change)', () => {
    trusted($('email'), new Event('change', { bubbles: true }));
    window.dispatchEvent(new Event('pagehide'));
    expect(signals).toHaveLength(0);
  });
});
