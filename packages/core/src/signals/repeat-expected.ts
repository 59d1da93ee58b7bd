/**
 * Elements where clicking many times in a row is the normal way to use them:
 * number inputs and spin buttons, sliders, steppers, carousel and pagination
 * arrows, toggles and switches, media controls. Rage-click detection skips them
 * (canvas, media and frames are skipped for every click signal by `clickTarget`).
 */
const REPEAT_SELECTOR = [
  'input[type="number"]',
  'input[type="range"]',
  '[role="spinbutton"]',
  '[role="slider"]',
  '[role="switch"]',
  '[aria-pressed]',
  'input[type="checkbox"]',
  'input[type="radio"]',
  '[data-attune-repeat]',
  '[aria-roledescription="carousel" i]',
  ...['carousel', 'slider', 'swiper', 'stepper', 'pagination', 'spinner', 'quantity'].map((c) => `[class*="${c}" i]`),
].join(',');

/** Names and labels of stepper, carousel and pagination controls (attribute values only, never text). */
const REPEAT_NAME = /\b(next|prev|previous|increment|decrement|increase|decrease|plus|minus|carousel|slide|quantity|qty)\b|^[+\-−]$/i;

/** Whether repeated clicks on `el` are expected and must not count as rage. */
export const expectsRepeatedClicks = (el: Element): boolean => {
  if (el.closest(REPEAT_SELECTOR)) return true;
  const named = el.closest('button,[role="button"],a');
  if (named) {
    if (REPEAT_NAME.test(['aria-label', 'title', 'rel', 'name'].map((a) => named.getAttribute(a)).join(' '))) return true;
    // A one-character + or - button is a stepper; this reads one short text node, never sends it.
    const glyph = (named.textContent ?? '').trim();
    if (glyph.length === 1 && REPEAT_NAME.test(glyph)) return true;
  }
  return false;
};
