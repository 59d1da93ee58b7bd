import type { DetectorContext } from './signals/detector';
import { startBackForth, type BackForthConfig } from './signals/back-forth';
import { startDeadClick, type DeadClickConfig } from './signals/dead-click';
import { startErrorClick, type ErrorClickConfig } from './signals/error-click';
import { startExitIntent, type ExitIntentConfig } from './signals/exit-intent';
import { startFormAbandon, type FormAbandonConfig } from './signals/form-abandon';
import { startFormFriction, type FormFrictionConfig } from './signals/form-friction';
import { startHesitation, type HesitationConfig } from './signals/hesitation';
import { startRageClick, type RageClickConfig } from './signals/rage-click';
import { startScrollThrash, type ScrollThrashConfig } from './signals/scroll-thrash';
import { startSlowInteraction, type SlowInteractionConfig } from './signals/slow-interaction';
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

const DETECTORS = {
  rage: startRageClick,
  dead: startDeadClick,
  error: startErrorClick,
  form: startFormFriction,
  abandon: startFormAbandon,
  dwell: startHesitation,
  exit: startExitIntent,
  back: startBackForth,
  scroll: startScrollThrash,
  slow: startSlowInteraction,
} as const;

/** Starts every detector that is not switched off, with one shared response watcher; returns one teardown for all. */
export const startSignals = (page: DetectorContext, config: SignalsConfig = {}): (() => void) => {
  const watch = watchResponse(page, config.ignoreUrls);
  const ctx = { ...page, watch };
  const stops = [watch.stop];
  for (const [name, start] of Object.entries(DETECTORS)) {
    const settings = config[name as keyof typeof DETECTORS];
    // One detector failing to start (a missing browser API) leaves the others running.
    if (settings !== false) ctx.wrap(() => stops.push((start as (c: DetectorContext, s: object) => () => void)(ctx, settings ?? {})))();
  }
  return () => {
    for (const stop of stops.splice(0)) stop();
  };
};
