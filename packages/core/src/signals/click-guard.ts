import { isIgnored, isTextEditable } from '../target';

/** A modal's backdrop, clicked to close it (a click on a `dialog` element itself lands on its ::backdrop). */
const BACKDROP = 'dialog,[class*=backdrop],[class*=overlay],[class*=scrim]';
/** Placeholder links (`href="#"`, `#!`, `javascript:`): clicking one is not navigation. */
export const PLACEHOLDER = '[href="#"],[href="#!"],[href^="javascript:"]';

/** Surfaces whose clicks belong to their own content. */
const MEDIA = 'canvas,video,audio,iframe,embed,object';

/**
 * The element a click is about, when the click can count for signal `name` (`rage`, `dead`,
 * `error`): trusted, primary button, no modifier key, not on a text field,
 * a modal backdrop, media, canvas or frame, not inside Attune's UI or a `data-attune-ignore` subtree.
 */
export const clickTarget = (event: MouseEvent, name: string): Element | null => {
  const el = event.target;
  // Chromium's click is a PointerEvent whose isPrimary is always false: the button is what tells.
  if (!event.isTrusted || event.button) return null;
  if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return null;
  if (!(el instanceof Element) || isIgnored(el, name) || isTextEditable(el)) return null;
  return el.matches(BACKDROP) || el.closest(MEDIA) ? null : el;
};
