import type { Detector } from './detector';
import { actionableOf, isIgnored, isTextEditable } from '../target';
import { emitSignal } from './emit-signal';
import { listen } from './listen';

/** Hesitation (dwell) thresholds. */
export interface HesitationConfig {
  /** Pointer resting on an actionable element or a `data-attune` section without clicking, ms (default 2000). */
  pointerMs?: number;
  /** A focused text field left without typing, ms (default 5000). */
  fieldMs?: number;
  /** A `data-attune` section in the middle of the viewport while the visitor does nothing, ms (default 10000). */
  sectionMs?: number;
}

/** Pointer movement smaller than this, CSS px, is still resting. */
const JITTER = 8;

/**
 * Detects hesitation, only while the page is visible: the mouse resting for `pointerMs` on an
 * actionable element or a marked section without clicking; a focused field left for `fieldMs`
 * before any typing; a marked section in view for `sectionMs` with no input at all. Emits
 * `hesitation` with the dwell in seconds. Pointer moves are sampled (one in 100 ms) and never
 * read layout; the section in view is looked up once, when the visitor has been idle long enough.
 *
 * @example
 * const stop = startHesitation(ctx, { pointerMs: 2000, fieldMs: 5000, sectionMs: 10000 });
 */
export const startHesitation: Detector<HesitationConfig> = (ctx, config) => {
  const pointerMs = config.pointerMs ?? 2000;
  const fieldMs = config.fieldMs ?? 5000;
  const sectionMs = config.sectionMs ?? 10_000;
  const doc = ctx.doc;
  const win = doc.defaultView!;
  let x = -99;
  let y = -99;
  let sampled = 0;
  // Where the pointer rests, since when, and whether that rest was used up (reported, clicked, scrolled).
  let rest: EventTarget | null = null;
  let restAt = 0;
  let field: Element | null = null;
  let fieldAt = 0;
  let idleAt = ctx.now();
  let idleDone = false;
  let cancel = () => {};
  let due = Infinity;

  const report = (el: Element | null | undefined, ms: number) => {
    if (el && !isIgnored(el, 'dwell')) emitSignal(ctx, 'hesitation', el, Math.round(ms / 1000));
  };
  const tick = () => {
    due = Infinity;
    if (doc.visibilityState === 'hidden') return;
    const t = ctx.now();
    if (rest instanceof Element && t - restAt >= pointerMs) {
      report(actionableOf(rest) ?? rest.closest('[data-attune]'), pointerMs);
      rest = null;
    }
    if (field && t - fieldAt >= fieldMs) {
      report(field, fieldMs);
      field = null;
    }
    if (!idleDone && t - idleAt >= sectionMs) {
      idleDone = true;
      report(doc.elementFromPoint(win.innerWidth / 2, win.innerHeight / 2)?.closest('[data-attune]'), sectionMs);
    }
    arm();
  };
  const arm = () => {
    const t = ctx.now();
    const next = Math.min(
      rest ? restAt + pointerMs : Infinity,
      field ? fieldAt + fieldMs : Infinity,
      idleDone ? Infinity : idleAt + sectionMs,
    );
    if (next < due) {
      cancel();
      due = next;
      cancel = ctx.schedule(tick, Math.max(0, next - t));
    }
  };
  const active = () => {
    idleAt = ctx.now();
    idleDone = false;
    rest = null;
    arm();
  };

  const stops = [
    listen(ctx, doc, 'pointermove', (event: PointerEvent) => {
      const t = ctx.now();
      if (!event.isTrusted || event.pointerType === 'touch' || t - sampled < 100) return;
      sampled = t;
      if (Math.abs(event.clientX - x) + Math.abs(event.clientY - y) <= JITTER) return;
      x = event.clientX;
      y = event.clientY;
      active();
      rest = event.target;
      restAt = t;
      arm();
    }),
    listen(ctx, doc, 'pointerdown keydown wheel scroll input', (event: Event) => {
      if (event.target === field) field = null;
      if (event.isTrusted) active();
    }),
    listen(ctx, doc, 'focusin focusout', (event: FocusEvent) => {
      const el = event.target;
      field = event.type === 'focusin' && el instanceof Element && isTextEditable(el) ? el : null;
      fieldAt = ctx.now();
      arm();
    }),
    listen(ctx, doc, 'visibilitychange', () => {
      field = null;
      active();
    }),
  ];
  arm();
  return () => {
    for (const stop of stops) stop();
    cancel();
  };
};
