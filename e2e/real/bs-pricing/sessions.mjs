// Bootstrap's pricing example: three plan cards whose buttons are inert (type="button", no
// handler), placeholder `href="#"` navigation, and a plan comparison table.
export default {
  kind: 'component-library example (pricing page)',
  probe: () => ({ at: location.pathname + location.hash, selection: String(getSelection()).trim().length > 0 }),
  sessions: [
    {
      name: 'compares the plans and reads the table',
      mood: 'calm',
      steps: [
        { name: 'reads the header', run: async (v) => { await v.hover('.pricing-header h1', 600); await v.hover('.pricing-header p', 900); } },
        { name: 'looks at each plan', run: async (v) => { for (const n of [1, 2, 3]) await v.hover(`.row .col:nth-child(${n}) .card-body ul`, 700); } },
        { name: 'scrolls to the comparison table and back up', run: async (v) => { await v.scroll(700); await v.hover('table tbody tr:nth-child(2)', 800); await v.scroll(-700); } },
        {
          name: 'double-clicks a price to select it',
          run: async (v) => {
            const { x, y } = await v.moveTo('.row .col:nth-child(2) .pricing-card-title', { dx: -20 });
            await v.rest(200);
            await v.page.mouse.dblclick(x, y);
          },
        },
        { name: 'moves up to the tab strip', run: async (v) => { await v.toTabStrip(); } },
      ],
    },
    {
      name: 'presses the plan buttons that do nothing and the placeholder menu',
      mood: 'struggle',
      steps: [
        { name: 'clicks "Get started" once', expect: ['dead_click'], run: async (v) => { await v.click('button:has-text("Get started")'); } },
        { name: 'clicks "Sign up for free" five times fast', expect: ['rage_click'], tolerate: ['dead_click'], run: async (v) => { await v.clickTimes('button:has-text("Sign up for free")', 5); } },
        { name: 'clicks the placeholder "Enterprise" menu link', expect: ['dead_click'], run: async (v) => { await v.click('nav a:has-text("Enterprise")'); } },
        { name: 'clicks "Contact us" once', expect: ['dead_click'], run: async (v) => { await v.click('button:has-text("Contact us")'); } },
      ],
    },
  ],
};
