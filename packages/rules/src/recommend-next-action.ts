import type { Evidence, SignalType } from './types';

/** One row of the recommended-next-action table. */
export interface NextActionRow {
  /** The signal the row is about; `*` for any. */
  signal: SignalType | '*';
  /** A case-insensitive pattern the target (a field name, for form signals) must contain; any target when absent. */
  target?: string;
  /** The evidence's count must reach this. Default 1. */
  minCount?: number;
  /** What the person picking up the handoff should try first. `{target}` is the matched target. */
  next: string;
}

/**
 * The built-in table, read top to bottom: the first row that some evidence matches gives the
 * recommended next action (a rule's own `next` wins over all of it). docs/handoff.md lists the
 * same rows, and a test keeps the two equal.
 */
export const NEXT_ACTION_TABLE: readonly NextActionRow[] = [
  {
    signal: 'form_error',
    target: 'vat|tax',
    minCount: 2,
    next: 'Confirm the VAT number format with the visitor: country prefix, then the digits, no spaces.',
  },
  {
    signal: 'form_error',
    target: 'iban|bic|swift',
    minCount: 2,
    next: 'Check the bank details format with the visitor (IBAN with its country prefix).',
  },
  {
    signal: 'form_error',
    target: 'card|cc-|cvc|cvv|expir',
    minCount: 2,
    next: 'Offer another way to pay; never ask for card details in the conversation.',
  },
  { signal: 'form_error', target: 'zip|postal|postcode', minCount: 2, next: 'Confirm the postal code format for the visitor’s country.' },
  { signal: 'form_error', target: 'phone|tel', minCount: 2, next: 'Confirm the phone number with its country code.' },
  { signal: 'form_error', target: 'email', minCount: 2, next: 'Check the email address for a typo, or offer another address.' },
  { signal: 'form_error', target: 'password', minCount: 2, next: 'Explain the password rules, or send a sign-in link instead.' },
  { signal: 'form_error', next: 'Go through the failing field {target} with the visitor: what it expects and an example.' },
  { signal: 'disabled_click', next: 'Tell the visitor which required fields are still missing before {target} works.' },
  { signal: 'form_abandon', next: 'Ask what stopped the visitor finishing the form, and offer to complete it together.' },
  { signal: 'rage_click', next: 'Check whether {target} works for the visitor; offer to complete the step for them.' },
  { signal: 'dead_click', next: 'The visitor expected {target} to do something: point them to what they were looking for.' },
  { signal: 'error_click', next: 'Clicking {target} raised an error: take the step over and report the bug.' },
  { signal: 'hesitation', next: 'Answer the question the visitor seems to have about this page.' },
  { signal: 'exit_intent', next: 'Ask what the visitor came for before they leave.' },
  { signal: '*', next: 'Ask how you can help; the visitor has not said yet.' },
];

/** The table's patterns, compiled on first use (no module-level work, so bundles that never ask leave the table out). */
let compiled: { row: NextActionRow; target: RegExp | null }[] | undefined;

/**
 * The recommended next action for a handoff: the rule's own `next` when it has one, else the first
 * row of {@link NEXT_ACTION_TABLE} the evidence matches, with `{target}` filled in. A form signal's
 * row also matches on the failing fields' names (a form labelled `checkout` with a failing
 * `vat_number` field matches the VAT row), and then names the field.
 *
 * @example recommendNextAction([{ signal: 'form_error', target: 'vat_number', count: 3 }]) // 'Confirm the VAT number format …'
 */
export function recommendNextAction(
  evidence: readonly Pick<Evidence, 'signal' | 'target' | 'count'>[],
  own?: string,
  fields: readonly string[] = [],
): string {
  if (own) return own;
  compiled ??= NEXT_ACTION_TABLE.map((row) => ({ row, target: row.target ? new RegExp(row.target, 'i') : null }));
  for (const { row, target } of compiled) {
    for (const e of evidence) {
      if ((row.signal !== '*' && e.signal !== row.signal) || e.count < (row.minCount ?? 1)) continue;
      const named = /^form_/.test(e.signal) ? [...fields, e.target] : [e.target];
      const hit = target ? named.find((name) => target.test(name)) : named[0];
      if (hit !== undefined) return row.next.replace('{target}', hit);
    }
    if (row.signal === '*') return row.next.replace('{target}', 'it');
  }
  return '';
}
