import { startBackForth } from './back-forth';
import { startExitIntent } from './exit-intent';
import { startFormAbandon } from './form-abandon';
import { startFormFriction } from './form-friction';
import { startHesitation } from './hesitation';
import { startScrollThrash } from './scroll-thrash';
import { startSlowInteraction } from './slow-interaction';

/**
 * The detectors kept out of the script tag: the form detectors, and the weak-signal detectors
 * (hesitation, exit intent, back and forth, scroll thrash, slow interaction; see
 * `SIGNAL_STRENGTH`), which can wait for an idle moment. The script tag fetches them
 * (`attune-forms.js`) once the page is idle, or as soon as focus or a press enters a form;
 * the click detectors (rage, dead, error) stay in the script tag so the first click counts.
 */
export const FORM_DETECTORS = {
  form: startFormFriction,
  abandon: startFormAbandon,
  dwell: startHesitation,
  exit: startExitIntent,
  back: startBackForth,
  scroll: startScrollThrash,
  slow: startSlowInteraction,
};

/** The lazily loaded detector module. */
export interface FormsModule {
  FORM_DETECTORS: typeof FORM_DETECTORS;
}
