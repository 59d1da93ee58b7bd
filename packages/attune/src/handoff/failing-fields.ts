import type { Evidence } from '@attune/rules';

const FIELD_NAME = /^[A-Za-z0-9_.:[\]-]{1,64}$/;
const MAX_FIELDS = 20;

/**
 * The form fields that are failing now, each by its own `name` (or `id`), never its value: the
 * fields the page marks invalid (`aria-invalid="true"`, or `:user-invalid` after the visitor
 * touched them) inside the forms the evidence points at, or anywhere when it names none. When
 * the page marks nothing, the form signals' own targets stand in, each by its last label
 * (`checkout/vat` → `vat`), so a form-level `data-attune` label alone does not pass for a field.
 *
 * @example failingFields(document, decision.evidence) // ['vat_number', 'postcode']
 */
export const failingFields = (doc: Document, evidence: readonly Pick<Evidence, 'signal' | 'target'>[]): string[] => {
  const names = new Set<string>();
  const add = (name: string | null | undefined) => {
    if (name && FIELD_NAME.test(name) && names.size < MAX_FIELDS) names.add(name);
  };
  let marked: Element[] = [];
  for (const selector of ['[aria-invalid="true"],:user-invalid', '[aria-invalid="true"]']) {
    try {
      marked = [...doc.querySelectorAll('input,select,textarea')].filter((el) => el.matches(selector));
      break;
    } catch {
      // A browser without :user-invalid refuses the whole selector list; try the attribute alone.
    }
  }
  for (const el of marked) add(el.getAttribute('name') || el.id);
  if (names.size === 0) {
    for (const e of evidence)
      if (/^form_|^disabled_click$/.test(e.signal) && e.signal !== 'form_abandon') add(e.target.split('/').pop()?.replace(/^#/, ''));
  }
  return [...names];
};
