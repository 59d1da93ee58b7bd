// Bootstrap's checkout example: a promo-code form and a billing form checked by Bootstrap's
// validation script (novalidate, the submit cancelled while a field is invalid).
export default {
  kind: 'component-library example (form with script validation)',
  probe: () => ({
    at: location.pathname + location.search,
    validated: document.querySelector('.needs-validation')?.classList.contains('was-validated') ?? null,
    invalid: document.querySelectorAll('.needs-validation :invalid').length,
    values: ['firstName', 'lastName', 'username', 'email', 'address', 'zip', 'cc-number'].map((id) => document.getElementById(id)?.value ?? null),
    country: document.getElementById('country')?.value ?? null,
    payment: document.querySelector('input[name=paymentMethod]:checked')?.id ?? null,
  }),
  sessions: [
    {
      name: 'redeems a promo code, then fills and submits the billing form',
      mood: 'calm',
      steps: [
        { name: 'reads the cart', run: async (v) => { await v.hover('.list-group', 700); await v.toTabStrip(); } },
        { name: 'redeems a promo code (the form reloads the page)', run: async (v) => { await v.fill('input[placeholder="Promo code"]', 'SPRING'); await v.click('button:has-text("Redeem")'); await v.rest(600); } },
        {
          name: 'fills the billing address, tabbing between fields',
          run: async (v) => {
            await v.fill('#firstName', 'Ada');
            await v.press('Tab');
            await v.type('Lovelace');
            await v.fill('#username', 'ada');
            await v.fill('#email', 'ada@example.com');
            await v.fill('#address', '12 Analytical Row');
            await v.hover('#address2', 1200);
            await v.click('#country');
            await v.press('ArrowDown');
            await v.press('Enter');
            await v.click('#state');
            await v.press('ArrowDown');
            await v.press('Enter');
            await v.fill('#zip', '94016');
          },
        },
        { name: 'ticks both boxes and picks debit', run: async (v) => { await v.click('#same-address'); await v.click('#save-info'); await v.click('#debit'); } },
        {
          name: 'fills the card and submits (valid: the page reloads)',
          run: async (v) => {
            await v.fill('#cc-name', 'Ada Lovelace');
            await v.fill('#cc-number', '4111111111111111');
            await v.fill('#cc-expiration', '12/29');
            await v.fill('#cc-cvv', '123');
            await v.click('button:has-text("Continue to checkout")');
            await v.rest(800);
          },
        },
      ],
    },
    {
      name: 'submits empty, then a bad email, rages on the cart badge and leaves half-way',
      mood: 'struggle',
      steps: [
        { name: 'submits the empty billing form', expect: ['form_error'], settle: 900, run: async (v) => { await v.click('button:has-text("Continue to checkout")'); } },
        {
          name: 'types an email without a domain and submits again',
          expect: ['form_error'],
          settle: 900,
          run: async (v) => { await v.fill('#email', 'ada@'); await v.click('button:has-text("Continue to checkout")'); },
        },
        { name: 'clicks the cart count badge four times fast', expect: ['rage_click'], tolerate: ['dead_click'], run: async (v) => { await v.clickTimes('.badge.rounded-pill', 4); } },
        { name: 'fills a name and leaves for another site', expect: ['form_abandon'], settle: 1200, run: async (v) => { await v.fill('#firstName', 'Ada'); await v.fill('#lastName', 'Lo'); await v.leave(); } },
      ],
    },
  ],
};
