import { startFormAbandon } from './form-abandon';
import { startFormFriction } from './form-friction';

/**
 * The form detectors, kept apart from the others: the script tag fetches them
 * (`attune-forms.js`) only on pages with form fields, when the page is idle or as
 * soon as focus or a press enters a form.
 */
export const FORM_DETECTORS = { form: startFormFriction, abandon: startFormAbandon };

/** The lazily loaded form-detector module. */
export interface FormsModule {
  FORM_DETECTORS: typeof FORM_DETECTORS;
}
