import type { Detector } from './detector';
import { isIgnored } from '../target';
import { emitSignal } from './emit-signal';
import { all, listen } from './listen';
import { onRouteChange } from './route-change';

/** Form-abandonment settings. */
export interface FormAbandonConfig {
  /** How long the tab must stay hidden before a changed form counts as abandoned, ms (default 30000). */
  hiddenMs?: number;
}

/** Fields a visitor fills in (not buttons or hidden inputs). */
const FIELDS = 'input:not([type=hidden],[type=submit],[type=button],[type=reset],[type=image]),select,textarea';

/**
 * Detects form abandonment: the visitor typed in or changed (trusted `input`) a form's fields
 * and did not submit it, then the page was hidden for good (`pagehide`), the tab stayed hidden for
 * `hiddenMs`, or the route changed to another path. Emits one `form_abandon` naming the
 * field touched last (never its value), with the number of fields touched. Search forms
 * (`role="search"`, a `<search>` element, a `type="search"` field) and single-field forms
 * (a newsletter box) are not abandoned: leaving them, by picking a result or moving on, is how
 * they are used. A `change` (a text field committing its value as focus leaves, possibly after
 * the route changed) never starts a form.
 *
 * @example
 * const stop = startFormAbandon(ctx, { hiddenMs: 30000 });
 */
export const startFormAbandon: Detector<FormAbandonConfig> = (ctx, config) => {
  const win = ctx.doc.defaultView!;
  let touched = new Set<Element>();
  let last: Element | null = null;
  let cancel = () => {};

  const abandon = () => {
    if (last) {
      emitSignal(ctx, 'form_abandon', last, touched.size);
      ctx.form?.({ state: 'abandoned', errors: 0 });
    }
    last = null;
    touched = new Set();
  };
  const onChange = (event: Event) => {
    const el = event.target;
    const form = event.isTrusted && el instanceof Element && el.closest('form');
    if (
      form &&
      !isIgnored(el, 'form') &&
      !form.closest('search,[role=search]') &&
      !form.querySelector('[type=search]') &&
      form.querySelectorAll(FIELDS)[1]
    ) {
      last = el;
      touched.add(el);
    }
  };
  const stops = [
    listen(ctx, ctx.doc, 'input', onChange),
    listen(ctx, ctx.doc, 'submit', () => {
      last = null;
      touched = new Set();
    }),
    listen(ctx, ctx.doc, 'visibilitychange', () => {
      cancel();
      if (ctx.doc.visibilityState === 'hidden') cancel = ctx.schedule(abandon, config.hiddenMs ?? 30_000);
    }),
    listen(ctx, win, 'pagehide', abandon),
    onRouteChange(ctx, abandon),
    () => cancel(),
  ];
  return all(stops);
};
