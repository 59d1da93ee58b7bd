// jQuery Validation's multi-part demo: a three-step sign-up in a jQuery UI accordion; "Next"
// validates the step by script (no submit event) and "Submit" is handled by the plugin's
// submitHandler, which thanks the visitor without sending anything.
const choose = async (v, select, downs) => {
  await v.click(select);
  await v.press('ArrowDown', downs);
  await v.press('Enter');
};

export default {
  kind: 'multi-step sign-up (script validation)',
  probe: () => ({
    at: location.pathname + location.search,
    step: document.querySelector('#stepForm .ui-accordion-header-active')?.parentElement?.id ?? null,
    errors: [...document.querySelectorAll('label.warning, .warning[id$="-error"]')].filter((e) => e.offsetParent).length,
    values: ['recordPurchaseTimeFrameID', 'recordPropertyZip', 'recordClientNameFirst', 'recordClientEmail'].map((id) => document.getElementById(id)?.value ?? null),
  }),
  sessions: [
    {
      name: 'completes the three steps and submits',
      mood: 'calm',
      steps: [
        { name: 'answers step 1 and presses Next', run: async (v) => { await choose(v, '#recordPurchaseTimeFrameID', 1); await choose(v, '#recordPurchasePriceRangeID', 3); await v.click('#sf1 .nextbutton'); await v.rest(700); } },
        {
          name: 'answers step 2 and presses Next',
          run: async (v) => {
            await choose(v, '#recordClientTimeFrameID', 2);
            await choose(v, '#recordClientHomeTypeID', 1);
            await v.fill('#recordPropertyAddress1', '12 Analytical Row');
            await v.fill('#recordPropertyCity', 'Philadelphia');
            await v.fill('#recordPropertyZip', '19104');
            await choose(v, '#recordClientPropertyValueID', 5);
            await v.click('#sf2 .nextbutton');
            await v.rest(700);
          },
        },
        {
          name: 'answers step 3 and submits',
          run: async (v) => {
            await v.fill('#recordClientNameFirst', 'Ada');
            await v.fill('#recordClientNameLast', 'Lovelace');
            await v.fill('#recordClientPhone', '2155550100');
            await v.fill('#recordClientEmail', 'ada@example.com');
            await v.fill('#recordClientEmail1', 'ada@example.com');
            await v.click('#submit');
            await v.rest(800);
          },
        },
      ],
    },
    {
      name: 'presses Next with nothing chosen, gives a short zip, leaves half-way',
      mood: 'struggle',
      steps: [
        { name: 'presses Next on step 1 with nothing chosen', expect: ['form_error'], settle: 900, run: async (v) => { await v.click('#sf1 .nextbutton'); } },
        { name: 'answers step 1 and goes on', run: async (v) => { await choose(v, '#recordPurchaseTimeFrameID', 1); await choose(v, '#recordPurchasePriceRangeID', 3); await v.click('#sf1 .nextbutton'); await v.rest(700); } },
        { name: 'fills step 2 without its required choices and presses Next', expect: ['form_error'], settle: 900, run: async (v) => { await v.fill('#recordPropertyAddress1', '12 Analytical Row'); await v.fill('#recordPropertyCity', 'Philadelphia'); await v.click('#sf2 .nextbutton'); } },
        { name: 'leaves half-way through', expect: ['form_abandon'], settle: 1200, run: async (v) => { await v.leave(); } },
      ],
    },
  ],
};
