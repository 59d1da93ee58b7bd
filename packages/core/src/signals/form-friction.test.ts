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
      <button id="soft" aria-disabled="true">Soft</button></form><input id="off" disabled>
      <div data-attune-ignore="form"><input id="quiet"></div>`;
    const f = fakeContext(document);
    signals = f.signals;
    stop = startFormFriction(f.ctx, {});
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('emits form_error once per failing field until an edit, counting repeated errors on the same field', () => {
    trusted($('email'), new Event('invalid'));
    trusted($('email'), new Event('invalid'));
    expect(signals).toHaveLength(1);
    type($('email'), 'insertText', 'a');
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
    for (const [kind, v] of [
      ['insertText', 'ab'],
      ['deleteContentBackward', 'a'],
      ['deleteContentBackward', 'a'],
      ['insertText', 'ac'],
    ] as const)
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
    trusted($('off'), new PointerEvent('pointerup', { bubbles: true, button: 0 }));
    expect(signals.map((s) => [s.type, s.target, s.count])).toEqual([
      ['disabled_click', '#go', 1],
      ['disabled_click', '#go', 2],
      ['disabled_click', '#soft', 1],
      ['disabled_click', '#off', 1],
    ]);
  });

  it('ignores untrusted events and fields in a data-attune-ignore="form" subtree', () => {
    $('email').dispatchEvent(new Event('invalid'));
    trusted($('quiet'), new Event('invalid'));
    for (const kind of ['insertText', 'deleteContentBackward', 'deleteContentBackward', 'deleteContentBackward', 'insertText'])
      type($('quiet'), kind, '');
    expect(signals).toHaveLength(0);
  });

  describe('blocked submits', () => {
    const realFetch = window.fetch;
    let form: HTMLFormElement;
    let page: (event: Event) => void;
    const submit = () => trusted(form, new Event('submit', { bubbles: true, cancelable: true }));

    beforeEach(() => {
      stop();
      window.fetch = () => new Promise<Response>(() => {});
      const f = fakeContext(document);
      signals = f.signals;
      const stopDetector = startFormFriction(f.ctx, {});
      stop = () => {
        stopDetector();
        f.ctx.watch!.stop();
        window.fetch = realFetch;
      };
      form = document.querySelector('form')!;
      form.id = 'signup';
      page = (event) => event.preventDefault();
      form.addEventListener('submit', (event) => page(event));
    });

    it('emits form_error on the form when the page cancels a submit and nothing follows, counting each attempt', () => {
      submit();
      vi.advanceTimersByTime(500);
      submit();
      vi.advanceTimersByTime(100);
      submit();
      vi.advanceTimersByTime(500);
      expect(signals.map((s) => [s.type, s.target, s.count])).toEqual([
        ['form_error', '#signup', 1],
        ['form_error', '#signup', 2],
        ['form_error', '#signup', 3],
      ]);
    });

    it('does not count a submit the page sends itself with a request, a submit it accepts, or one it lets through', () => {
      page = (event) => {
        event.preventDefault();
        void window.fetch('/api/signup', { method: 'POST' });
      };
      submit();
      vi.advanceTimersByTime(500);
      page = (event) => {
        event.preventDefault();
        form.replaceWith(document.createElement('p'));
      };
      submit();
      vi.advanceTimersByTime(500);
      page = () => {};
      submit();
      vi.advanceTimersByTime(500);
      expect(signals).toHaveLength(0);
    });

    it('does not count a submit a validation script checked, marked valid and handled itself (a thank-you without a request)', () => {
      page = (event) => {
        event.preventDefault();
        $('email').setAttribute('aria-invalid', 'false');
      };
      submit();
      vi.advanceTimersByTime(500);
      expect(signals).toHaveLength(0);
    });

    it('counts a cancelled submit that marks a field aria-invalid once, on the field', () => {
      page = (event) => {
        event.preventDefault();
        $('email').setAttribute('aria-invalid', 'true');
      };
      submit();
      vi.advanceTimersByTime(500);
      expect(signals.map((s) => [s.type, s.target])).toEqual([['form_error', '#email']]);
    });
  });

  describe('select-all corrections', () => {
    const before = (el: HTMLInputElement, inputType: string, data: string | null) =>
      trusted(el, new InputEvent('beforeinput', { bubbles: true, inputType, data }));
    const typeOver = (el: HTMLInputElement, inputType: string, data: string, value: string) => {
      before(el, inputType, data);
      el.value = value;
      trusted(el, new InputEvent('input', { bubbles: true, inputType, data }));
    };

    it('counts typing over a whole selected value as a correction, then not the characters after it', () => {
      $('email').value = 'ann@example.org';
      typeOver($('email'), 'insertText', 'b', 'b');
      typeOver($('email'), 'insertText', 'o', 'bo');
      expect(signals.map((s) => [s.type, s.target, s.count])).toEqual([['form_correction', '#email', 1]]);
    });

    it('does not count typing at the end of a value, the first character in an empty field, or a partial replacement', () => {
      typeOver($('name'), 'insertText', 'A', 'A');
      typeOver($('name'), 'insertText', 'n', 'An');
      // "An" with its last letter selected and typed over.
      typeOver($('name'), 'insertText', 'm', 'Am');
      expect(signals).toHaveLength(0);
    });
  });
});

describe('startFormFriction: the form.state fact', () => {
  const states: { state: string; errors?: number }[] = [];
  let stop: () => void;
  const $ = (id: string) => document.getElementById(id) as HTMLInputElement;
  const type = (el: HTMLInputElement, value: string) => {
    el.value = value;
    trusted(el, new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value.slice(-1) }));
  };
  const last = () => states[states.length - 1];

  beforeEach(() => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    states.length = 0;
    document.body.innerHTML = `<form id="f"><input id="email" type="email" required><input id="name"></form><input id="search">`;
    const f = fakeContext(document, { form: (facts) => void states.push(facts) });
    stop = startFormFriction(f.ctx, {});
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('is started by the first edit in a form, not by a field outside one', () => {
    type($('search'), 'x');
    expect(states).toEqual([]);
    type($('name'), 'A');
    type($('name'), 'Ad');
    expect(states).toEqual([{ state: 'started', errors: 0 }]);
  });

  it('counts the fields still failing, and goes back to started once every one is fixed', () => {
    type($('name'), 'A');
    trusted($('email'), new Event('invalid'));
    expect(last()).toEqual({ state: 'errors', errors: 1 });
    $('name').setAttribute('aria-invalid', 'true');
    trusted($('name'), new Event('change', { bubbles: true }));
    vi.advanceTimersByTime(600);
    expect(last()).toEqual({ state: 'errors', errors: 2 });
    type($('email'), 'ada@example.org');
    expect(last()).toEqual({ state: 'errors', errors: 1 });
    $('name').removeAttribute('aria-invalid');
    trusted($('name'), new Event('change', { bubbles: true }));
    vi.advanceTimersByTime(600);
    type($('name'), 'Ada');
    expect(last()).toEqual({ state: 'started', errors: 0 });
  });

  it('is submitted after a submit the page did not block, and errors after one it blocked', () => {
    type($('name'), 'A');
    const blocked = new Event('submit', { bubbles: true, cancelable: true });
    blocked.preventDefault();
    trusted($('f'), blocked);
    vi.advanceTimersByTime(600);
    expect(last()).toEqual({ state: 'errors', errors: 0 });
    type($('name'), 'Ad');
    trusted($('f'), new Event('submit', { bubbles: true, cancelable: true }));
    vi.advanceTimersByTime(600);
    expect(last()).toEqual({ state: 'submitted', errors: 0 });
    type($('name'), 'Ada');
    expect(last()).toEqual({ state: 'started', errors: 0 });
  });
});
