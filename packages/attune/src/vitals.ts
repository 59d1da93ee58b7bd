// The web-vitals chunk: LCP, INP and CLS for sampled page views, as `attune-vitals.js` next to
// attune.js. The runtime imports it once the page is idle, so it is never on the critical path.
//
// The standard build is enough: the INP entries still hold the interaction's element when the
// `reportAllChanges` callback runs (in the same idle callback that processed them), and the
// attribution build's extra cost (a long-animation-frame observer and ~2 KB) buys fields that
// never leave the device.
import { onCLS, CLSThresholds } from 'web-vitals/onCLS.js';
import { onINP, INPThresholds } from 'web-vitals/onINP.js';
import { onLCP, LCPThresholds } from 'web-vitals/onLCP.js';
import type { MetricType, ReportOpts } from 'web-vitals';
import { actionableOf, createLogger, guard, isIgnored, SLOW_INTERACTION_MS, targetName, type Logger } from '@attune/core';

/** The vitals Attune reports. */
export type VitalName = 'LCP' | 'INP' | 'CLS';

/** Google's rating bands. */
export type VitalRating = 'good' | 'needs-improvement' | 'poor';

/** One vital as the runtime sends it: `send({ type: 'vital', path, ...vital })`. */
export interface Vital {
  name: VitalName;
  /** Milliseconds for LCP and INP (whole numbers), a unitless score for CLS (4 decimals). */
  value: number;
  rating: VitalRating;
}

/** The slow-interaction signal, in the shape detectors emit. */
export interface SlowInteractionSignal {
  type: 'slow_interaction';
  /** The interaction's element named by `targetName` (never its text), or `page`. */
  target: string;
  /** The interaction's latency in whole milliseconds. */
  count: number;
}

/** Options of `startVitals`. */
export interface VitalsOptions {
  /** Receives each final LCP, CLS and INP value (usually once each, when the page is hidden). */
  report(vital: Vital): void;
  /** Receives a signal whenever the page's INP grows above `inpThresholdMs`. */
  onSlowInteraction?(signal: SlowInteractionSignal): void;
  /** INP above this many milliseconds is a slow interaction (default 200, Google's "good" limit). */
  inpThresholdMs?: number;
  /**
   * The page's own `slow_interaction` detector settings (`SignalsConfig.slow`): an INP above its
   * threshold (default 500 ms) was already reported by it, so it is not passed on twice.
   */
  slowDetector?: { thresholdMs?: number } | false;
  /** Where internal errors go (default: the `[attune]` console logger). */
  log?: Logger;
}

type Observe = (callback: (metric: MetricType) => void, options?: ReportOpts) => void;

/** The metric sources `startVitals` subscribes to (tests pass fakes). */
export interface VitalsSources {
  onLCP: Observe;
  onINP: Observe;
  onCLS: Observe;
}

/** The vitals chunk's entry, as the runtime sees it (`deps.loadVitals()` resolves to it). */
export interface VitalsModule {
  startVitals(options: VitalsOptions, sources?: VitalsSources): () => void;
}

/** Rating bands of each vital: at most `[0]` is good, at most `[1]` needs improvement, above is poor. */
export const VITAL_THRESHOLDS: Readonly<Record<VitalName, readonly [number, number]>> = {
  LCP: LCPThresholds as [number, number],
  INP: INPThresholds as [number, number],
  CLS: CLSThresholds as [number, number],
};

/** The default slow-interaction threshold, in milliseconds. */
export const DEFAULT_INP_THRESHOLD_MS = 200;

/**
 * Rates a vital the way web-vitals does, with the same bands.
 * @example rateVital('INP', 240) // 'needs-improvement'
 */
export const rateVital = (name: VitalName, value: number): VitalRating => {
  const [good, poor] = VITAL_THRESHOLDS[name];
  return value > poor ? 'poor' : value > good ? 'needs-improvement' : 'good';
};

/**
 * Turns a web-vitals metric into the wire shape: rounded (whole milliseconds, CLS to 4
 * decimals), never negative, and rated from the value that is sent so the two always agree.
 * @example toVital({ name: 'LCP', value: 2512.4 }) // { name: 'LCP', value: 2512, rating: 'needs-improvement' }
 */
export const toVital = (metric: { name: VitalName; value: number }): Vital => {
  const raw = Math.max(0, metric.value);
  const value = metric.name === 'CLS' ? Math.round(raw * 10_000) / 10_000 : Math.round(raw);
  return { name: metric.name, value, rating: rateVital(metric.name, value) };
};

/**
 * Names the element of an interaction as detectors do: its nearest actionable ancestor through
 * `targetName`, `page` when the element is gone, `null` inside Attune's own UI or a subtree
 * marked `data-attune-ignore="slow"` (the name the core detector uses).
 */
export const interactionTarget = (node: Node | null | undefined): string | null => {
  const el = !node ? null : node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!el) return 'page';
  if (isIgnored(el, 'slow')) return null;
  return targetName(actionableOf(el) ?? el);
};

/**
 * The slow-interaction signal for an INP of `latencyMs` on `node`, or `null` when the INP is
 * at most `thresholdMs` or the interaction was with Attune's own UI.
 * @example slowInteraction(312.5, button, 200) // { type: 'slow_interaction', target: 'pricing/plan-pro', count: 313 }
 */
export const slowInteraction = (
  latencyMs: number,
  node: Node | null | undefined,
  thresholdMs = DEFAULT_INP_THRESHOLD_MS,
): SlowInteractionSignal | null => {
  if (!(latencyMs > thresholdMs)) return null;
  const target = interactionTarget(node);
  return target === null ? null : { type: 'slow_interaction', target, count: Math.round(latencyMs) };
};

const isVital = (name: string): name is VitalName => name === 'LCP' || name === 'INP' || name === 'CLS';

/**
 * Starts measuring LCP, INP and CLS with web-vitals. Each final value goes to `report`; each time
 * the INP grows above `inpThresholdMs`, `onSlowInteraction` gets one signal. Every callback is
 * guarded: nothing thrown here reaches the page. Returns a stop function that silences both
 * callbacks (web-vitals has no way to disconnect its observers).
 *
 * @example
 * const stop = startVitals({
 *   report: (vital) => send({ type: 'vital', path: location.pathname, ...vital }),
 *   onSlowInteraction: (signal) => onSignal({ ...signal, at: Date.now() }),
 *   inpThresholdMs: 200,
 * });
 */
export const startVitals = (
  options: VitalsOptions,
  sources: VitalsSources = { onLCP, onINP, onCLS } as unknown as VitalsSources,
): (() => void) => {
  const log = options.log ?? createLogger();
  const threshold = options.inpThresholdMs ?? DEFAULT_INP_THRESHOLD_MS;
  let live = true;

  const report = guard(log, (metric: MetricType) => {
    if (live && isVital(metric.name)) options.report(toVital(metric as { name: VitalName; value: number }));
  });
  sources.onLCP(report);
  sources.onCLS(report);
  sources.onINP(report);

  const detector = options.slowDetector;
  const ceiling = detector === false ? Infinity : (detector?.thresholdMs ?? SLOW_INTERACTION_MS);
  const onSlow = options.onSlowInteraction;
  if (onSlow) {
    let worst = threshold;
    // A second INP observer with every change: only interactions at least as long as the
    // threshold are delivered to it, and each new worst value above it is one signal.
    sources.onINP(
      guard(log, (metric: MetricType) => {
        if (!live || !(metric.value > worst)) return;
        worst = metric.value;
        const node = (metric.entries as PerformanceEventTiming[]).find((entry) => entry.target)?.target;
        const signal = slowInteraction(metric.value, node, threshold);
        if (signal && signal.count <= ceiling) onSlow(signal);
      }),
      { reportAllChanges: true, durationThreshold: Math.max(16, threshold) },
    );
  }
  return () => {
    live = false;
  };
};
