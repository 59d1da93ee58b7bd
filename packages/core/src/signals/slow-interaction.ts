import type { Detector } from './detector';
import { isIgnored } from '../target';
import { emitSignal } from './emit-signal';

/** The default latency above which an interaction is slow, ms (INP's "poor"). */
export const SLOW_INTERACTION_MS = 500;

/** Slow-interaction threshold. */
export interface SlowInteractionConfig {
  /** Interaction latency (input to next paint) above which an interaction is slow, ms (default 500, INP's "poor"). */
  thresholdMs?: number;
}

type EventTiming = PerformanceEntry & { interactionId?: number; target?: Node | null; processingEnd: number };

/**
 * Detects slow interactions caused by the page's own code: Event Timing entries with an
 * `interactionId` whose duration (input to next paint) exceeds `thresholdMs`, and of which the
 * page's part — the input waiting for the main thread plus the page's event handlers
 * (`processingEnd − startTime`) — is at least half of `thresholdMs`. Time the browser spends
 * presenting the answer (a native `<select>` drawing its list as ArrowDown moves through it,
 * 500–800 ms on some machines with or without Attune) is not the page making the visitor wait,
 * and native selects are left out entirely. Emits one `slow_interaction` per interaction, on its
 * target, with the latency in ms: a weak signal (see `SIGNAL_STRENGTH`). Does nothing where the
 * Event Timing API is missing.
 *
 * @example
 * const stop = startSlowInteraction(ctx, { thresholdMs: 500 });
 */
export const startSlowInteraction: Detector<SlowInteractionConfig> = (ctx, config) => {
  const threshold = config.thresholdMs ?? SLOW_INTERACTION_MS;
  const win = ctx.doc.defaultView!;
  const seen = new Set<number>();
  if (!win.PerformanceObserver) return () => {};
  const observer = new win.PerformanceObserver(
    ctx.wrap((list: PerformanceObserverEntryList) => {
      for (const e of list.getEntries() as EventTiming[]) {
        const id = e.interactionId;
        if (!id || e.duration <= threshold || e.processingEnd - e.startTime < threshold / 2 || seen.has(id)) continue;
        seen.add(id);
        const el = e.target instanceof win.Element ? e.target : null;
        if (!el || !(isIgnored(el, 'slow') || el.closest('select'))) emitSignal(ctx, 'slow_interaction', el, Math.round(e.duration));
      }
    }),
  );
  // Browsers without Event Timing ignore the unknown type; 16 ms is the lowest threshold it accepts.
  observer.observe({ type: 'event', durationThreshold: Math.max(16, threshold), buffered: true } as PerformanceObserverInit);
  return () => observer.disconnect();
};
