// Start Bootstrap's Agency: a one-page site with a scrolling navbar, portfolio items that open
// modals, and a contact form whose "Send Message" stays disabled until the template's form
// service is activated (it is not here).
export default {
  kind: 'site template (one-page agency with modals)',
  probe: () => ({
    at: location.pathname + location.hash,
    modal: document.querySelector('.portfolio-modal.show')?.id ?? null,
    values: ['name', 'email', 'phone', 'message'].map((id) => document.getElementById(id)?.value ?? null),
  }),
  sessions: [
    {
      name: 'navigates the sections and opens two portfolio items',
      mood: 'calm',
      steps: [
        { name: 'clicks "Tell Me More"', run: async (v) => { await v.click('a:has-text("Tell Me More")'); await v.rest(1000); } },
        { name: 'goes to Portfolio with the navbar', run: async (v) => { await v.click('#mainNav a[href="#portfolio"]'); await v.rest(1000); } },
        { name: 'opens a portfolio item and closes it', run: async (v) => { await v.click('a[href="#portfolioModal2"]'); await v.rest(900); await v.click('#portfolioModal2 button:has-text("Close Project")'); await v.rest(900); } },
        { name: 'opens another and closes it with Escape', run: async (v) => { await v.click('a[href="#portfolioModal4"]'); await v.rest(900); await v.press('Escape'); await v.rest(900); } },
        { name: 'reads the timeline and the team', run: async (v) => { await v.click('#mainNav a[href="#about"]'); await v.rest(900); await v.scroll(600); await v.hover('.timeline-panel', 900); await v.click('#mainNav a[href="#team"]'); await v.rest(900); } },
      ],
    },
    {
      name: 'fills the contact form but cannot send it',
      mood: 'struggle',
      steps: [
        {
          name: 'fills the form and clicks the disabled "Send Message"',
          expect: ['disabled_click'],
          tolerate: ['dead_click'],
          run: async (v) => {
            await v.click('#mainNav a[href="#contact"]');
            await v.rest(900);
            await v.fill('#name', 'Ada Lovelace');
            await v.fill('#email', 'ada@example.com');
            await v.fill('#phone', '5550100');
            await v.fill('#message', 'We need a new site.');
            await v.click('#submitButton');
          },
        },
        { name: 'clicks "Send Message" four times fast', expect: ['rage_click'], tolerate: ['dead_click', 'disabled_click'], run: async (v) => { await v.clickTimes('#submitButton', 4); } },
        { name: 'clicks the placeholder "Privacy Policy" link', expect: ['dead_click'], run: async (v) => { await v.click('footer a:has-text("Privacy Policy")'); } },
        { name: 'leaves with the message unsent', expect: ['form_abandon'], settle: 1200, run: async (v) => { await v.leave(); } },
      ],
    },
  ],
};
