import type { DetectorContext } from './signals/detector';
import { startRageClick, type RageClickConfig } from './signals/rage-click';

/** Per-detector configuration; `false` switches a detector off. */
export interface SignalsConfig {
  rage?: RageClickConfig | false;
}

/** Starts every detector that is not switched off; returns one teardown for all. */
export const startSignals = (ctx: DetectorContext, config: SignalsConfig = {}): (() => void) => {
  const stops: (() => void)[] = [];
  if (config.rage !== false) stops.push(startRageClick(ctx, config.rage ?? {}));
  return () => {
    for (const stop of stops.splice(0)) stop();
  };
};
