import type { Detector } from './detector';
import { actionableOf, isIgnored, isTextEditable, sectionInView } from '../target';
import { emitSignal } from './emit-signal';
import { all, listen } from './listen';

/** Hesitation (dwell) thresholds. */
export interface HesitationConfig {
  /** Pointer resting on an actionable element or a `data-attune` section without clicking, ms (default 2000). */
  pointerMs?: number;
  /** A focused text field left without typing, ms (default 5000). */
  fieldMs?: number;
  /** A `data-attune` section in the middle of the viewport while the visitor does nothing, ms (default 10000). */
  sectionMs?: number;
}

/**
 * Detects hesitation, only while the page is visible: the mouse resting for `pointerMs` on an
 * actionable element (not a text field) or a marked section without clicking; a focused field left for `fieldMs`
 * before any typing; a marked section in view for `sectionMs` with no input at all. Emits
 * `hesitation` with the dwell in seconds. Pointer moves are sampled (one in 100 ms; moves under
 * 8 px are still resting) and never read layout; the section in view is looked up once, when
 * the visitor has been idle long enough. Each of the three waits is one timer, restarted by
 * what ends it and fired at most once.
 *
 * @example
 * const stop = startHesitation(ctx, { pointerMs: 2000, fieldMs: 5000, sectionMs: 10000 });
 */
export const startHesitation: Detector<HesitationConfig> = (ctx, config) => {
  const doc = ctx.doc;
  let x = -99;
  let y = -99;
  let sampled = 0;
  let rest: Element;
  let field: Element | null;
  const cancels: (() => void)[] = [];
  // A wait of `ms` that, when it runs out on a visible page, reports the element `of` names.
  const wait = (ms: number, of: () => Element | null | undefined) => {
    const i = cancels.push(() => {}) - 1;
    return (on?: unknown) => {
      cancels[i]!();
      if (on)
        cancels[i] = ctx.schedule(() => {
          const el = of();
          if (el && doc.visibilityState === 'visible' && !isIgnored(el, 'dwell')) emitSignal(ctx, 'hesitation', el, Math.round(ms / 1000));
        }, ms);
    };
  };
  // A pointer resting on a text field is where the visitor is about to type or just typed: not hesitation.
  const resting = wait(config.pointerMs ?? 2000, () =>
    isTextEditable(rest) ? null : (actionableOf(rest) ?? rest.closest('[data-attune]')),
  );
  const focused = wait(config.fieldMs ?? 5000, () => field);
  const idle = wait(config.sectionMs ?? 10_000, () => sectionInView(doc));
  const active = () => {
    idle(1);
    resting();
  };

  const stops = [
    listen(ctx, doc, 'pointermove', (event: PointerEvent) => {
      const t = ctx.now();
      if (!event.isTrusted || event.pointerType === 'touch' || t - sampled < 100) return;
      sampled = t;
      if (Math.hypot(event.clientX - x, event.clientY - y) > 8 && event.target instanceof Element) {
        x = event.clientX;
        y = event.clientY;
        active();
        resting((rest = event.target));
      }
    }),
    listen(ctx, doc, 'pointerdown keydown wheel scroll input focusin focusout visibilitychange', (event: Event) => {
      const type = event.type;
      const el = event.target as Element;
      // Focus moving, the page hiding, or any input in the field ends the field's wait.
      if (type[0] === 'f' || type[0] === 'v' || el === field) focused((field = type === 'focusin' && isTextEditable(el) ? el : null));
      // Untrusted events are not checked here: they can only postpone a hesitation, never cause one.
      if (type[0] !== 'f') active();
    }),
    () => all(cancels)(),
  ];
  active();
  return all(stops);
};
