import type { Detector } from './detector';
import { actionableOf } from '../target';
import { clickTarget } from './click-guard';
import { emitSignal } from './emit-signal';
import { all, listen } from './listen';

/** Error-click settings. */
export interface ErrorClickConfig {
  /** How long after a click an uncaught error still belongs to it, ms (default 1000). */
  windowMs?: number;
}

/**
 * Detects error clicks: an uncaught error or unhandled promise rejection within `windowMs`
 * of a trusted primary click. Emits one `error_click` per click, on the clicked target, with
 * count 1. Failed resource loads (an image 404) are not errors here.
 *
 * @example
 * const stop = startErrorClick(ctx, { windowMs: 1000 });
 */
export const startErrorClick: Detector<ErrorClickConfig> = (ctx, config) => {
  const windowMs = config.windowMs ?? 1000;
  let target: Element | null = null;
  let at = 0;
  const stops = [
    listen(ctx, ctx.doc, 'click', (event: MouseEvent) => {
      const raw = clickTarget(event, 'error');
      target = raw && (actionableOf(raw) ?? raw);
      at = ctx.now();
    }),
    listen(ctx, ctx.doc.defaultView!, 'error unhandledrejection', (event: Event) => {
      if (!target || ctx.now() - at > windowMs || (event.type === 'error' && !('message' in event))) return;
      emitSignal(ctx, 'error_click', target, 1);
      target = null;
    }),
  ];
  return all(stops);
};
