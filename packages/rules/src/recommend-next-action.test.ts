import { describe, expect, it } from 'vitest';
import { NEXT_ACTION_TABLE, recommendNextAction } from './recommend-next-action';

describe('recommendNextAction', () => {
  it('recommends confirming the VAT format after repeated form errors on a VAT field', () => {
    expect(recommendNextAction([{ signal: 'form_error', target: 'vat_number', count: 3 }])).toMatch(/^Confirm the VAT number format/);
  });

  it('falls to the generic field row for a single VAT error, naming the field', () => {
    expect(recommendNextAction([{ signal: 'form_error', target: 'vat_number', count: 1 }])).toBe(
      'Go through the failing field vat_number with the visitor: what it expects and an example.',
    );
  });

  it('reads the table top to bottom across all the evidence, and ends with the catch-all row', () => {
    expect(
      recommendNextAction([
        { signal: 'rage_click', target: '#pay', count: 4 },
        { signal: 'form_error', target: 'email', count: 2 },
      ]),
    ).toMatch(/^Check the email address/);
    expect(recommendNextAction([{ signal: 'rage_click', target: '#pay', count: 4 }])).toBe(
      'Check whether #pay works for the visitor; offer to complete the step for them.',
    );
    expect(recommendNextAction([])).toBe(NEXT_ACTION_TABLE[NEXT_ACTION_TABLE.length - 1]!.next);
  });

  it('matches a form row on the failing fields’ names when the signal names only the form', () => {
    expect(recommendNextAction([{ signal: 'form_error', target: 'checkout', count: 3 }], undefined, ['vat_number'])).toMatch(
      /^Confirm the VAT number format/,
    );
    expect(recommendNextAction([{ signal: 'form_error', target: 'checkout', count: 1 }], undefined, ['company'])).toBe(
      'Go through the failing field company with the visitor: what it expects and an example.',
    );
  });

  it('lets a rule’s own next win over the table', () => {
    expect(recommendNextAction([{ signal: 'form_error', target: 'vat_number', count: 3 }], 'Call the customer back')).toBe(
      'Call the customer back',
    );
  });
});
