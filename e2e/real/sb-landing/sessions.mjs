// Start Bootstrap's Landing Page (a SaaS landing page): a sign-up form whose submit button stays
// disabled until the template's form service is activated (it is not here, as on any copy of the
// template before activation), features, testimonials, and placeholder `#!` footer links.
export default {
  kind: 'SaaS landing page',
  probe: () => ({ at: location.pathname + location.hash, email: document.getElementById('emailAddress')?.value ?? null, below: document.getElementById('emailAddressBelow')?.value ?? null }),
  sessions: [
    {
      name: 'reads the page top to bottom',
      mood: 'calm',
      steps: [
        { name: 'reads the headline', run: async (v) => { await v.hover('header h1', 1000); } },
        { name: 'scrolls through features and showcases', run: async (v) => { await v.scroll(700); await v.hover('.features-icons-item', 800); await v.scroll(900); await v.hover('.showcase-text', 1000); await v.scroll(900); } },
        { name: 'reads the testimonials', run: async (v) => { await v.hover('.testimonials h5', 800); } },
        { name: 'uses "Sign Up" in the navbar to get back to the form', run: async (v) => { await v.scroll(-3000); await v.click('nav a.btn:has-text("Sign Up")'); await v.rest(800); } },
        { name: 'moves to the tab strip', run: async (v) => { await v.toTabStrip(); } },
      ],
    },
    {
      name: 'tries to sign up with a button that stays disabled',
      mood: 'struggle',
      steps: [
        { name: 'types an email and clicks the disabled Submit', expect: ['disabled_click'], tolerate: ['dead_click'], run: async (v) => { await v.fill('#emailAddress', 'ada@example.com'); await v.click('#contactForm #submitButton'); } },
        { name: 'clicks the disabled Submit four times fast', expect: ['rage_click'], tolerate: ['dead_click', 'disabled_click'], run: async (v) => { await v.clickTimes('#contactForm #submitButton', 4); } },
        { name: 'clicks the placeholder "Contact" footer link', expect: ['dead_click'], run: async (v) => { await v.scroll(4000); await v.click('footer a:has-text("Contact")'); } },
        // A one-field sign-up left with its email typed is not an abandoned form (issue #14: single-field
        // forms are out of abandonment), so leaving expects nothing.
        { name: 'leaves with the email typed', settle: 1200, run: async (v) => { await v.leave(); } },
      ],
    },
  ],
};
