// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFormFriction } from './form-friction';
import { fakeContext, trusted } from './fake-context';

describe('startFormFriction', () => {
  let signals: ReturnType<typeof fakeContext>['signals'];
  let stop: () => void;
  const $ = (id: string) => document.getElementById(id) as HTMLInputElement;
  const type = (el: HTMLInputElement, inputType: string, value: string) => {
    el.value = value;
    trusted(el, new InputEvent('input', { bubbles: true, inputType }));
  };
  const change = (el: Element) => trusted(el, new Event('change', { bubbles: true }));

  beforeEach(() => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    document.body.innerHTML = `
      <form><input id="email" required><input id="name"><button id="go" type="submit" disabled>Go</button>
      <button id="soft" aria-disabled="true">Soft</button></form>
      <div data-attune-ignore="form"><input id="quiet"></div>`;
    const f = fakeContext(document);
    signals = f.signals;
    stop = startFormFriction(f.ctx, {});
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('emits form_error for each invalid event, counting repeated errors on the same field', () => {
    trusted($('email'), new Event('invalid'));
    trusted($('email'), new Event('invalid'));
    expect(signals).toEqual([
      expect.objectContaining({ type: 'form_error', target: '#email', count: 1 }),
      expect.objectContaining({ type: 'form_error', target: '#email', count: 2 }),
    ]);
  });

  it('emits form_error when aria-invalid="true" appears after a change, once until it clears', () => {
    $('name').setAttribute('aria-invalid', 'true');
    change($('name'));
    vi.advanceTimersByTime(500);
    change($('name'));
    vi.advanceTimersByTime(500);
    expect(signals.map((s) => [s.type, s.target])).toEqual([['form_error', '#name']]);
    $('name').removeAttribute('aria-invalid');
    change($('name'));
    vi.advanceTimersByTime(500);
    $('name').setAttribute('aria-invalid', 'true');
    change($('name'));
    vi.advanceTimersByTime(500);
    expect(signals.map((s) => s.count)).toEqual([1, 2]);
  });

  it('emits form_correction when a field is cleared or three characters are deleted, then retyped', () => {
    type($('name'), 'insertText', 'Ann');
    type($('name'), 'deleteContentBackward', '');
    type($('name'), 'insertText', 'B');
    type($('email'), 'insertFromPaste', 'bob@example');
    for (const v of ['bob@exampl', 'bob@examp', 'bob@exam']) type($('email'), 'deleteContentBackward', v);
    type($('email'), 'insertText', 'bob@exa');
    expect(signals.map((s) => [s.type, s.target, s.count])).toEqual([
      ['form_correction', '#name', 1],
      ['form_correction', '#email', 1],
    ]);
  });

  it('does not count one or two backspaces while typing as a correction', () => {
    for (const [kind, v] of [['insertText', 'ab'], ['deleteContentBackward', 'a'], ['deleteContentBackward', 'a'], ['insertText', 'ac']] as const)
      type($('name'), kind, v);
    expect(signals).toHaveLength(0);
    for (const kind of ['deleteContentBackward', 'deleteContentBackward', 'deleteWordBackward', 'insertText']) type($('name'), kind, 'x');
    expect(signals).toEqual([expect.objectContaining({ type: 'form_correction', target: '#name', count: 1 })]);
  });

  it('emits form_refill when the visitor types again in a field already filled and left', () => {
    type($('name'), 'insertText', 'Ann');
    change($('name'));
    type($('email'), 'insertText', 'a@b.c');
    change($('email'));
    expect(signals).toHaveLength(0);
    type($('name'), 'insertText', 'Anne');
    expect(signals).toEqual([expect.objectContaining({ type: 'form_refill', target: '#name', count: 1 })]);
  });

  it('emits disabled_click for presses on a disabled or aria-disabled button', () => {
    trusted($('go'), new PointerEvent('pointerup', { bubbles: true, button: 0 }));
    trusted($('go'), new PointerEvent('pointerup', { bubbles: true, button: 0 }));
    trusted($('soft'), new PointerEvent('pointerup', { bubbles: true, button: 0 }));
    expect(signals.map((s) => [s.type, s.target, s.count])).toEqual([
      ['disabled_click', '#go', 1],
      ['disabled_click', '#go', 2],
      ['disabled_click', '#soft', 1],
    ]);
  });

  it('ignores untrusted events and fields in a data-attune-ignore="form" subtree', () => {
    $('email').dispatchEvent(new Event('invalid'));
    trusted($('quiet'), new Event('invalid'));
    for (const kind of ['insertText', 'deleteContentBackward', 'deleteContentBackward', 'deleteContentBackward', 'insertText']) type($('quiet'), kind, '');
    expect(signals).toHaveLength(0);
  });
});
