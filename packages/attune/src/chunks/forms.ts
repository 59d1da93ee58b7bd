// The form detectors (form friction and abandonment), built as attune-forms.js and fetched by
// attune.js only on pages with form fields.
export { FORM_DETECTORS } from '@attune/core';
