import type { Detector } from './detector';
import { isIgnored } from '../target';
import { emitSignal } from './emit-signal';
import { listen } from './listen';

/** Form-friction settings. */
export interface FormFrictionConfig {
  /** Deletions in a row that, followed by typing, make a correction (default 3); emptying a field always does. */
  deletions?: number;
  /** Delay after a change, blur, click or submit before looking for newly `aria-invalid` fields, ms (default 500). */
  checkMs?: number;
}

interface Field {
  /** Deletions in a row. */
  d: number;
  /** Emptied by those deletions. */
  e?: boolean;
  /** Changed and left once already. */
  f?: boolean;
  /** Corrections. */
  c: number;
  /** Returns. */
  r: number;
}

const DISABLED = ':is(button,[type="submit"],[type="button"],[role="button"]):is(:disabled,[aria-disabled="true"])';

/**
 * Detects form friction, counted per field and never by value:
 * - `form_error`: a field failing validation (the `invalid` event, or `aria-invalid="true"`
 *   appearing, as scripts mark fields when a submit is blocked); count = errors on that field;
 * - `form_correction`: a field cleared, or `deletions` characters deleted in a row, then retyped
 *   (by `inputType`); count = corrections on that field;
 * - `form_refill`: typing again in a field that was already filled and left; count = returns;
 * - `disabled_click`: pressing a disabled (or `aria-disabled`) button; count = presses on it.
 *
 * @example
 * const stop = startFormFriction(ctx, { deletions: 3, checkMs: 500 });
 */
export const startFormFriction: Detector<FormFrictionConfig> = (ctx, config) => {
  const need = config.deletions ?? 3;
  const checkMs = config.checkMs ?? 500;
  const counts = new WeakMap<Element, number>();
  const fields = new WeakMap<Element, Field>();
  let shown: Element[] = [];
  let last: EventTarget | null = null;
  let cancel: (() => void) | null = null;

  const usable = (t: EventTarget | null, e: Event): t is Element => e.isTrusted && t instanceof Element && !isIgnored(t, 'form');
  const bump = (type: 'form_error' | 'disabled_click', el: Element) => {
    const n = (counts.get(el) ?? 0) + 1;
    counts.set(el, n);
    emitSignal(ctx, type, el, n);
  };
  const check = () => {
    cancel = null;
    const now = Array.from(ctx.doc.querySelectorAll('[aria-invalid="true"]')).filter((el) => !isIgnored(el, 'form'));
    for (const el of now) if (!shown.includes(el)) bump('form_error', el);
    shown = now;
  };
  const field = (el: Element) => {
    let f = fields.get(el);
    if (!f) fields.set(el, (f = { d: 0, c: 0, r: 0 }));
    return f;
  };

  const stops = [
    // `invalid` does not bubble: only a capture-phase listener on the document hears it.
    listen(ctx, ctx.doc, 'invalid', (event: Event) => {
      if (usable(event.target, event)) bump('form_error', event.target);
    }),
    listen(ctx, ctx.doc, 'change focusout submit click', (event: Event) => {
      if (event.type === 'change' && usable(event.target, event)) field(event.target).f = true;
      cancel ??= ctx.schedule(check, checkMs);
    }),
    listen(ctx, ctx.doc, 'pointerup', (event: PointerEvent) => {
      const el = usable(event.target, event) && !event.button && event.target.closest(DISABLED);
      if (el) bump('disabled_click', el);
    }),
    listen(ctx, ctx.doc, 'input', (event: InputEvent) => {
      const el = event.target;
      if (!usable(el, event)) return;
      const f = field(el);
      if (f.f && last !== el) emitSignal(ctx, 'form_refill', el, ++f.r);
      last = el;
      const kind = event.inputType ?? '';
      if (kind.startsWith('delete')) {
        f.d++;
        if (!(el as HTMLInputElement).value) f.e = true;
      } else if (kind.startsWith('insert')) {
        if (f.d >= need || f.e) emitSignal(ctx, 'form_correction', el, ++f.c);
        f.d = 0;
        f.e = false;
      }
    }),
  ];
  return () => {
    for (const stop of stops) stop();
    cancel?.();
  };
};
