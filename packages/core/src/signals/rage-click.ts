import type { Detector } from './detector';
import { actionableOf, isIgnored, isTextEditable } from '../target';
import { targetName } from '../target';
import { expectsRepeatedClicks } from './repeat-expected';

/** Rage-click thresholds. */
export interface RageClickConfig {
  /** Clicks that make a burst (default 3). */
  clicks?: number;
  /** Longest gap between consecutive clicks of one burst, ms (default 1000). */
  windowMs?: number;
  /** Largest distance between clicks of one burst, CSS px (default 40). */
  radius?: number;
}

interface Click {
  x: number;
  y: number;
  at: number;
}

/**
 * Detects rage clicks: `clicks` or more trusted primary-button clicks on the
 * same resolved target, within `radius` px, each within `windowMs` of the
 * previous one. Emits one `rage_click` per burst, when the burst ends, with its
 * click count. Skips text fields, elements where repeated clicks are expected,
 * modified clicks, and double or triple clicks that select text.
 *
 * @example
 * const stop = startRageClick(ctx, { clicks: 3, windowMs: 1000, radius: 40 });
 */
export const startRageClick: Detector<RageClickConfig> = (ctx, config) => {
  const need = config.clicks ?? 3;
  const windowMs = config.windowMs ?? 1000;
  const radius = config.radius ?? 40;
  let target: Element | null = null;
  let clicks: Click[] = [];
  let cancel: (() => void) | null = null;

  const finish = () => {
    cancel = null;
    const burst = clicks;
    const el = target;
    clicks = [];
    target = null;
    if (!el || burst.length < need) return;
    // Two or three clicks that left a text selection are a word or paragraph being selected.
    const selection = ctx.doc.getSelection();
    if (burst.length <= 3 && selection && !selection.isCollapsed && !actionableOf(el)) return;
    ctx.emit({ type: 'rage_click', target: targetName(el), count: burst.length, at: burst[burst.length - 1]!.at });
  };

  const onClick = ctx.wrap((event: MouseEvent) => {
    if (!event.isTrusted || event.button !== 0) return;
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const raw = event.target;
    if (!(raw instanceof Element)) return;
    if (isIgnored(raw, 'rage') || isTextEditable(raw) || expectsRepeatedClicks(raw)) return;
    const el = actionableOf(raw) ?? raw.closest('[data-attune]') ?? raw;
    const click = { x: event.clientX, y: event.clientY, at: ctx.now() };
    const first = clicks[0];
    const last = clicks[clicks.length - 1];
    const sameBurst =
      el === target &&
      first !== undefined &&
      last !== undefined &&
      click.at - last.at <= windowMs &&
      Math.hypot(click.x - first.x, click.y - first.y) <= radius;
    if (!sameBurst) {
      cancel?.();
      finish();
      target = el;
    }
    clicks.push(click);
    cancel?.();
    cancel = ctx.schedule(finish, windowMs);
  });

  ctx.doc.addEventListener('click', onClick, { capture: true, passive: true });
  return () => {
    ctx.doc.removeEventListener('click', onClick, { capture: true });
    cancel?.();
  };
};
