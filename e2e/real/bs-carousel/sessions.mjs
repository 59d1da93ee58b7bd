// Bootstrap's carousel example: an autoplaying carousel (the page changes every 5 s by itself),
// a navbar with a search form and a disabled link, and placeholder `href="#"` calls to action.
export default {
  kind: 'component-library example (marketing page with autoplaying carousel)',
  // The active slide is left out: the carousel moves on a timer, not with the visitor.
  probe: () => ({ at: location.pathname + location.search + location.hash, search: document.querySelector('input[type=search]')?.value ?? null }),
  sessions: [
    {
      name: 'uses the carousel, reads the featurettes and searches',
      mood: 'calm',
      steps: [
        { name: 'goes to the next slide twice and back', run: async (v) => { await v.click('.carousel-control-next'); await v.rest(900); await v.click('.carousel-control-next'); await v.rest(900); await v.click('.carousel-control-prev'); await v.rest(700); } },
        { name: 'jumps to the third slide with its indicator', run: async (v) => { await v.click('.carousel-indicators button:nth-child(3)'); await v.rest(800); } },
        { name: 'reads the three columns and a featurette', run: async (v) => { await v.scroll(600); await v.hover('.marketing .col-lg-4:nth-child(2) p', 900); await v.scroll(700); await v.hover('.featurette-heading', 900); } },
        { name: 'goes back to the top with "Back to top"', run: async (v) => { await v.scroll(2500); await v.click('a:has-text("Back to top")'); await v.rest(900); } },
        { name: 'searches (the form reloads the page)', run: async (v) => { await v.fill('input[type=search]', 'gallery'); await v.press('Enter'); await v.rest(700); } },
      ],
    },
    {
      name: 'presses the dead calls to action and the disabled link',
      mood: 'struggle',
      steps: [
        { name: 'clicks the placeholder "Sign up today" button', expect: ['dead_click'], run: async (v) => { await v.click('.carousel-item.active a.btn'); } },
        { name: 'clicks the disabled "Disabled" menu link three times', expect: ['disabled_click'], tolerate: ['dead_click', 'rage_click'], run: async (v) => { await v.clickTimes('a.nav-link.disabled', 3, 300); } },
        { name: 'rages on the carousel caption text', expect: ['rage_click'], tolerate: ['dead_click'], run: async (v) => { await v.clickTimes('.carousel-item.active .carousel-caption h1', 4); } },
      ],
    },
  ],
};
