import type { DetectorContext } from './signals/detector';
import type { BackForthConfig } from './signals/back-forth';
import { startDeadClick, type DeadClickConfig } from './signals/dead-click';
import { startErrorClick, type ErrorClickConfig } from './signals/error-click';
import type { ExitIntentConfig } from './signals/exit-intent';
import type { Detector } from './signals/detector';
import type { FormAbandonConfig } from './signals/form-abandon';
import type { FormFrictionConfig } from './signals/form-friction';
import type { HesitationConfig } from './signals/hesitation';
import { startRageClick, type RageClickConfig } from './signals/rage-click';
import type { ScrollThrashConfig } from './signals/scroll-thrash';
import type { SlowInteractionConfig } from './signals/slow-interaction';
import { watchResponse } from './signals/watch-response';

/**
 * Per-detector configuration; every detector runs with its defaults unless given settings
 * or switched off with `false`. A subtree opts out with `data-attune-ignore` (empty: every
 * signal) or a list of `rage dead error form dwell slow` (`form` covers friction and abandonment).
 *
 * @example
 * startSignals(ctx, { ignoreUrls: ['/api/poll'], dead: { waitMs: 3000 }, exit: false, slow: { thresholdMs: 300 } });
 */
export interface SignalsConfig {
  /**
   * Parts of request URLs that never count as the page responding to a click: the site's
   * polling or heartbeat endpoints (default none; Attune's own endpoint is always ignored).
   */
  ignoreUrls?: string[];
  /** `rage_click`. */
  rage?: RageClickConfig | false;
  /** `dead_click`. */
  dead?: DeadClickConfig | false;
  /** `error_click`. */
  error?: ErrorClickConfig | false;
  /** `form_error`, `form_correction`, `form_refill`, `disabled_click`. */
  form?: FormFrictionConfig | false;
  /** `form_abandon`. */
  abandon?: FormAbandonConfig | false;
  /** `hesitation`. */
  dwell?: HesitationConfig | false;
  /** `exit_intent`. */
  exit?: ExitIntentConfig | false;
  /** `back_forth`. */
  back?: BackForthConfig | false;
  /** `scroll_thrash`. */
  scroll?: ScrollThrashConfig | false;
  /** `slow_interaction`. */
  slow?: SlowInteractionConfig | false;
}

/** Detector starters by config key. */
export type Detectors = Partial<Record<Exclude<keyof SignalsConfig, 'ignoreUrls'>, Detector<never>>>;

const DETECTORS: Detectors = {
  rage: startRageClick,
  dead: startDeadClick,
  error: startErrorClick,
};

/** The running detectors: call to stop them all; `add` starts more (the form detectors, once loaded). */
export interface RunningSignals {
  (): void;
  add(detectors: Detectors): void;
}

/**
 * Starts every detector that is not switched off, with one shared response watcher; returns one
 * teardown for all. Only the click detectors (`rage`, `dead`, `error`) start here; the form and
 * weak-signal detectors live in their own module (see `FORM_DETECTORS`): pass them in
 * `detectors`, or `add` them once loaded.
 */
export const startSignals = (page: DetectorContext, config: SignalsConfig = {}, detectors: Detectors = {}): RunningSignals => {
  const watch = watchResponse(page, config.ignoreUrls);
  const ctx = { ...page, watch };
  const stops = [watch.stop];
  const add = (more: Detectors) => {
    for (const [name, start] of Object.entries(more)) {
      const settings = config[name as keyof Detectors];
      // One detector failing to start (a missing browser API) leaves the others running.
      if (settings !== false && stops.length) ctx.wrap(() => stops.push((start as Detector<object>)(ctx, settings ?? {})))();
    }
  };
  add({ ...DETECTORS, ...detectors });
  return Object.assign(
    () => {
      for (const stop of stops.splice(0)) stop();
    },
    { add },
  );
};
