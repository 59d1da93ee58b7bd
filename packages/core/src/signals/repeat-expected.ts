import { actionableOf } from '../target';

/**
 * Elements where clicking many times in a row is the normal way to use them:
 * number inputs and spin buttons, sliders, steppers, carousel and pagination
 * arrows, toggles and switches, media controls. Rage-click detection skips them
 * (canvas, media and frames are skipped for every click signal by `clickTarget`).
 */
const REPEAT_SELECTOR =
  'input[type=number],input[type=range],input[type=checkbox],input[type=radio],[role=spinbutton],[role=slider],[role=switch],[aria-pressed],[data-attune-repeat],[aria-roledescription="carousel" i],[class*="carousel" i],[class*="slider" i],[class*="swiper" i],[class*="stepper" i],[class*="pagination" i],[class*="spinner" i],[class*="quantity" i]';

/** Names and labels of stepper, carousel and pagination controls (attribute values only, never text). */
const REPEAT_NAME = /\b(next|prev(ious)?|(in|de)cre(ment|ase)|plus|minus|carousel|slide|quantity|qty)\b|^[+\-−]$/i;

/** Whether repeated clicks on `el` are expected and must not count as rage. */
export const expectsRepeatedClicks = (el: Element): boolean => {
  const named = el.closest('button,[role=button],a');
  return (
    // In a carousel or slider, its controls; text on a slide is not repeated-click territory.
    (!!el.closest(REPEAT_SELECTOR) &&
      (!!actionableOf(el) || !el.closest('[class*="carousel" i],[class*="slide" i],[class*="swiper" i]'))) ||
    (!!named &&
      (REPEAT_NAME.test(['aria-label', 'title', 'rel', 'name'].map((a) => named.getAttribute(a)).join(' ')) ||
        // A one-character + or - button is a stepper; this reads one short text node, never sends it.
        /^[+\-−]$/.test((named.textContent ?? '').trim())))
  );
};
