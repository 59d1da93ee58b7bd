import type { SignalType } from '@attune/rules';
import { targetName } from '../target';
import type { DetectorContext } from './detector';

/**
 * Emits one signal about `el` (named by `targetName`, never by its text) or about the whole
 * page (`el` null, target `page`), then lets debug mode inspect the element.
 */
export const emitSignal = (ctx: DetectorContext, type: SignalType, el: Element | null, count: number, high?: boolean): void => {
  const signal = { type, target: el ? targetName(el) : 'page', count, confidence: high ? ('high' as const) : undefined };
  ctx.emit(signal);
  if (el) ctx.inspect?.(el, signal);
};
