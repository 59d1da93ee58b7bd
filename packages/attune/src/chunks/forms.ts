// The form detectors (form friction and abandonment), built as attune-forms.js and fetched by
// attune.js at idle on every page, before the rules: so it also carries `ruleNeeds`, which the
// runtime asks once the rules are parsed (the script tag stays smaller).
export { FORM_DETECTORS } from '@attune/core';
export { ruleNeeds } from '@attune/rules';
