import type { FormFacts } from '@attune/rules';
import type { Detector } from './detector';
import { isIgnored } from '../target';
import { emitSignal } from './emit-signal';
import { all, listen } from './listen';
import { onRouteChange } from './route-change';

/** Form-friction settings. */
export interface FormFrictionConfig {
  /** Deletions in a row that, followed by typing, make a correction (default 3); emptying a field always does. */
  deletions?: number;
  /**
   * Delay after a change, blur, click or submit before looking for newly `aria-invalid` fields
   * and judging a prevented submit, ms (default 500).
   */
  checkMs?: number;
}

interface Field {
  /** Deletions in a row. */
  d: number;
  /** Emptied by those deletions, or its whole value selected and typed over. */
  e?: boolean;
  /** Changed and left once already. */
  f?: boolean;
  /** Corrections. */
  c: number;
  /** Returns. */
  r: number;
  /** Errors on a field or form, or presses on a disabled button. */
  x: number;
  /** Length of the value just before the current edit (a length, never the value). */
  n?: number;
}

const DISABLED = ':is(button,input,select,textarea,[role=button]):is(:disabled,[aria-disabled=true])';

/**
 * Detects form friction, counted per field and never by value:
 * - `form_error`: a field failing validation (the `invalid` event, or `aria-invalid="true"`
 *   appearing, as scripts mark fields when a submit is blocked), at most once per field per
 *   attempt (an attempt starts with a press on a submit button or a submit; an edit makes the
 *   field count again), count = errors on that field; or a **blocked submit**, on the form, count
 *   = blocked submits of that form. An attempt is blocked when the visitor submits (a submit
 *   button's click, Enter, or a trusted `submit` event), the page's handlers cancel the click or
 *   the submit (`preventDefault`; a validation script that cancels the button's click leaves no
 *   `submit` event at all), and `checkMs` later no field of the attempt failed (those errors are
 *   already counted), the form is still in the page, shown, with a control still enabled, the
 *   URL is unchanged, and the page started no request (see `ctx.watch`): a script that sends the
 *   form itself starts a request, one that accepts it changes the URL, replaces, hides or
 *   disables the form (a thank-you in its place); and a script that validated the fields and
 *   marked them `aria-invalid="false"` (jQuery Validation does) has checked the form and handles
 *   the submit itself;
 * - `form_correction`: a field cleared, or `deletions` characters deleted in a row, or its
 *   whole value selected and typed over, then retyped (by `inputType` and the value's length
 *   before and after, never its content); count = corrections on that field;
 * - `form_refill`: typing again in a field that was already filled and left; count = returns;
 * - `disabled_click`: pressing a disabled (or `aria-disabled`) button or field (a field in a disabled `fieldset`); count = presses on it.
 *
 * It also keeps `ctx.form` told of the `form.state` fact: `started` on the first edit in a
 * form (again after a submit), `errors` on an error, with `errors` the fields still failing
 * (an `invalid` field until an edit makes it valid, and every `aria-invalid="true"` field),
 * and `submitted` when a submit was not blocked.
 *
 * @example
 * const stop = startFormFriction(ctx, { deletions: 3, checkMs: 500 });
 */
export const startFormFriction: Detector<FormFrictionConfig> = (ctx, config) => {
  const doc = ctx.doc;
  const win = doc.defaultView!;
  const need = config.deletions ?? 3;
  const fields = new WeakMap<Element, Field>();
  let shown: Element[] = [];
  let last: EventTarget | null = null;
  let cancel: (() => void) | null = null;
  // Submits not yet judged: each one's event, form, URL and the page's request count then.
  const submits: [Event, Element, string, number][] = [];
  // Fields whose `invalid` event has not yet been answered by an edit that made them valid.
  const failing = new Set<Element>();
  let state = '';
  // A submit the page blocked without marking a field: the form is in error until the next edit.
  let blocked = false;
  const tell = (next: FormFacts['state']) => {
    const errors = next === 'submitted' ? 0 : new Set([...failing, ...shown]).size;
    state = next === 'errors' && !errors && !blocked ? 'started' : next;
    ctx.form?.({ state, errors } as FormFacts);
  };

  const usable = (t: EventTarget | null, e: Event): t is Element => e.isTrusted && t instanceof Element && !isIgnored(t, 'form');
  // Fields (and forms) already counted as failing in this attempt.
  const counted = new Set<Element>();
  const bump = (type: 'form_error' | 'disabled_click', el: Element) => {
    if (counted.has(el)) return;
    emitSignal(ctx, type, el, ++field(el).x);
    if (type === 'form_error') {
      // A form's blocked submits count each time; a field once per attempt.
      if (el.tagName !== 'FORM') counted.add(el);
      tell('errors');
    }
  };
  const check = () => {
    cancel = null;
    const now = [...doc.querySelectorAll('[aria-invalid=true]')].filter((el) => !isIgnored(el, 'form'));
    // An attempt counts every field still marked; otherwise only newly marked ones count.
    for (const el of now) if (submits[0] || !shown.includes(el)) bump('form_error', el);
    for (const el of shown) if (!now.includes(el)) counted.delete(el);
    shown = now;
    let sent = false;
    for (const [event, form, href, n] of submits.splice(0))
      if (
        event.defaultPrevented &&
        !counted.size &&
        form.isConnected &&
        form.checkVisibility?.() !== false &&
        form.querySelector(':is(input,select,textarea,button):enabled:not([type=hidden])') &&
        !form.querySelector('[aria-invalid=false]') &&
        win.location.href === href &&
        ctx.watch!.requests() === n
      ) {
        blocked = true;
        bump('form_error', form);
      } else if (!counted.size && !failing.size) sent = true;
    if (sent) {
      failing.clear();
      tell('submitted');
    } else if (counted.size || state === 'errors') tell('errors');
  };
  const field = (el: Element) => {
    let f = fields.get(el);
    if (!f) fields.set(el, (f = { d: 0, c: 0, r: 0, x: 0 }));
    return f;
  };
  const length = (el: Element) => ((el as HTMLInputElement).value ?? '').length;

  const stops = [
    listen(ctx, doc, 'invalid change focusout submit click pointerup', (event: PointerEvent) => {
      const el = event.target;
      const type = event.type;
      const ok = usable(el, event);
      // `invalid` does not bubble: only a capture-phase listener on the document hears it.
      if (type === 'invalid') return void (ok && failing.add(el) && bump('form_error', el));
      if (type === 'pointerup') {
        const off = ok && !event.button && el.closest(DISABLED);
        return void (off && bump('disabled_click', off));
      }
      if (ok && type === 'change') field(el).f = true;
      // A press on a submit button starts an attempt; the submit it causes (if the page lets it) is the same attempt.
      const form =
        ok && (type === 'submit' ? el : type === 'click' && (el.closest('[type=submit],button:not([type])') as HTMLButtonElement)?.form);
      if (form) {
        const same = type === 'submit' && submits.find((s) => s[1] === form && s[0].type === 'click');
        // The page's own handlers run after this capture listener: whether they cancelled it is judged later.
        if (same) same[0] = event;
        else {
          counted.clear();
          submits.push([event, form, win.location.href, ctx.watch!.requests()]);
        }
      }
      cancel ??= ctx.schedule(check, config.checkMs ?? 500);
    }),
    listen(ctx, doc, 'beforeinput input', (event: InputEvent) => {
      const el = event.target;
      if (!usable(el, event)) return;
      const f = field(el);
      counted.delete(el);
      const kind = event.inputType ?? '';
      if (event.type[0] === 'b') return void (f.n = length(el));
      blocked = false;
      // Only a field that failed is checked again: most edits skip the validity read.
      if (failing.has(el) && (el as HTMLInputElement).validity?.valid !== false) {
        failing.delete(el);
        tell('errors');
      } else if (el.closest('form') && (!state || state === 'submitted')) tell('started');
      if (f.f && last !== el) emitSignal(ctx, 'form_refill', el, ++f.r);
      last = el;
      if (kind.startsWith('delete')) {
        f.d++;
        if (!length(el)) f.e = true;
      } else if (kind.startsWith('insert')) {
        // The whole previous value selected and typed over: what is left is exactly what was typed.
        if (f.d >= need || f.e || (kind === 'insertText' && f.n && length(el) === event.data?.length))
          emitSignal(ctx, 'form_correction', el, ++f.c);
        f.d = 0;
        f.e = false;
      }
    }),
    // A new route's forms start afresh (form abandonment reports the old one's).
    onRouteChange(ctx, () => (state = '')),
    () => cancel?.(),
  ];
  return all(stops);
};
