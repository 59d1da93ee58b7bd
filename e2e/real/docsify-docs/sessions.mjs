// docsify's own documentation, rendered by docsify in the browser: a cover page, a sidebar, hash
// routes for every page, and a search box that lists results as you type.
export default {
  kind: 'documentation site (client-rendered, hash routing, search)',
  probe: () => ({
    at: location.pathname + location.hash,
    title: document.querySelector('.markdown-section h1')?.textContent ?? null,
    search: document.querySelector('.search input')?.value ?? null,
  }),
  sessions: [
    {
      name: 'starts, reads two pages from the sidebar, searches and goes back',
      mood: 'calm',
      steps: [
        { name: 'clicks "Get Started" on the cover', run: async (v) => { await v.click('.cover a:has-text("Get Started")'); await v.rest(900); } },
        { name: 'opens "Quick start" from the sidebar and reads it', run: async (v) => { await v.click('.sidebar-nav a:has-text("Quick start")'); await v.rest(700); await v.scroll(800); await v.hover('.markdown-section p', 1200); } },
        { name: 'opens "Themes" from the sidebar', run: async (v) => { await v.click('.sidebar-nav a:has-text("Themes")'); await v.rest(800); } },
        { name: 'searches for "coverpage" and opens the first result', run: async (v) => { await v.fill('.search input', 'coverpage'); await v.rest(900); await v.click('.results-panel a'); await v.rest(900); } },
        { name: 'goes back with the keyboard', run: async (v) => { await v.press('Alt+ArrowLeft'); await v.rest(700); } },
        { name: 'moves to the tab strip', run: async (v) => { await v.toTabStrip(); } },
      ],
    },
    {
      name: 'rages on text and the cover logo',
      mood: 'struggle',
      steps: [
        { name: 'clicks the cover logo four times fast', expect: ['rage_click'], tolerate: ['dead_click'], run: async (v) => { await v.clickTimes('.cover img', 4); } },
        { name: 'opens "Quick start" and clicks a paragraph five times fast', expect: ['rage_click'], tolerate: ['dead_click'], run: async (v) => { await v.click('.cover a:has-text("Get Started")'); await v.rest(900); await v.click('.sidebar-nav a:has-text("Quick start")'); await v.rest(900); await v.clickTimes('.markdown-section p', 5); } },
      ],
    },
  ],
};
