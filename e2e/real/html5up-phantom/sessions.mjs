// HTML5 UP's Phantom (the vanilla-JS port): a slide-in menu, a grid of tiles linking to other
// pages, and a contact form that posts to the same page.
export default {
  kind: 'site template (portfolio with menu panel and contact form)',
  probe: () => ({
    at: location.pathname + location.hash,
    menu: document.body.classList.contains('is-menu-visible'),
    values: ['name', 'email', 'message'].map((id) => document.getElementById(id)?.value ?? null),
  }),
  sessions: [
    {
      name: 'opens the menu, browses the tiles and sends a message',
      mood: 'calm',
      steps: [
        { name: 'opens the menu and closes it with Escape', run: async (v) => { await v.click('header nav a[href="#menu"]'); await v.rest(1200); await v.press('Escape'); await v.rest(600); } },
        { name: 'reads the intro and rests on tiles', run: async (v) => { await v.hover('#main header p', 1200); await v.hover('.tiles article:nth-child(2)', 700); await v.hover('.tiles article:nth-child(5)', 700); } },
        { name: 'moves to the tab strip', run: async (v) => { await v.toTabStrip(); } },
        {
          name: 'writes and sends a message (the form posts to the same page)',
          run: async (v) => {
            await v.fill('#name', 'Ada');
            await v.fill('#email', 'ada@example.com');
            await v.fill('#message', 'Hello, do you take commissions?');
            await v.click('input[type=submit]');
            await v.rest(800);
          },
        },
      ],
    },
    {
      name: 'sends a bad email, rages on the intro and leaves a half-written message',
      mood: 'struggle',
      steps: [
        { name: 'types an email without a domain and presses Send', expect: ['form_error'], settle: 900, run: async (v) => { await v.fill('#email', 'ada@'); await v.click('input[type=submit]'); } },
        { name: 'clicks the intro paragraph four times fast', expect: ['rage_click'], tolerate: ['dead_click'], run: async (v) => { await v.clickTimes('#main header p', 4); } },
        { name: 'writes a name and part of a message, then leaves', expect: ['form_abandon'], settle: 1200, run: async (v) => { await v.fill('#name', 'Ada'); await v.fill('#message', 'I would like'); await v.leave(); } },
      ],
    },
  ],
};
