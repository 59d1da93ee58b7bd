/**
 * `@attune/widget`: Attune's help card and one-question profiling view, rendered with
 * Preact inside a shadow root and loaded lazily, only when something is to be shown.
 */
export { mountWidget } from './mount-widget';
export { renderMarkdown } from './render-markdown';
export { interfaceStrings, pickLocale, textDirection, LOCALES } from './interface-strings';
export { choosePlacement } from './choose-placement';
export { findAnchor } from './find-anchor';
export { CARD_CSS } from './card-styles';
export type { InterfaceStrings } from './interface-strings';
export type { Box, Placement, PlacementInput } from './choose-placement';
export type { LinkOptions } from './safe-link';
export type {
  AnswerEvent,
  AskInput,
  DismissKind,
  EngageAction,
  RememberedFacts,
  WidgetAction,
  WidgetAskAction,
  WidgetCorner,
  WidgetDecision,
  WidgetHandle,
  WidgetHelpAction,
  WidgetModule,
  WidgetProps,
} from './types';
