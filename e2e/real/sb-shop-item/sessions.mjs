// Start Bootstrap's Shop Item: a product page with a quantity field, an "Add to cart" button with
// no handler, and related products with placeholder links.
export default {
  kind: 'shop template (product page with quantity)',
  probe: () => ({ at: location.pathname + location.search + location.hash, quantity: document.getElementById('inputQuantity')?.value ?? null, menus: document.querySelectorAll('.dropdown-menu.show').length }),
  sessions: [
    {
      name: 'reads the product, sets the quantity and looks at related items',
      mood: 'calm',
      steps: [
        { name: 'reads the description', run: async (v) => { await v.hover('.lead', 1200); } },
        { name: 'selects the quantity and types 2', run: async (v) => { await v.click('#inputQuantity'); await v.press('Control+a'); await v.type('2'); await v.rest(300); } },
        { name: 'opens the Shop menu and picks "Popular Items"', run: async (v) => { await v.click('#navbarDropdown'); await v.rest(500); await v.click('.dropdown-menu a:has-text("Popular Items")'); await v.rest(400); } },
        { name: 'scrolls to the related products and rests on them', run: async (v) => { await v.scroll(700); await v.hover('.row > .col:nth-child(2) .card', 900); await v.scroll(-700); } },
      ],
    },
    {
      name: 'presses "Add to cart", which does nothing',
      mood: 'struggle',
      steps: [
        { name: 'clicks "Add to cart" once', expect: ['dead_click'], run: async (v) => { await v.click('section button:has-text("Add to cart")'); } },
        { name: 'clicks "Add to cart" five times fast', expect: ['rage_click'], tolerate: ['dead_click'], run: async (v) => { await v.clickTimes('section button:has-text("Add to cart")', 5); } },
        { name: 'clicks the product title four times fast', expect: ['rage_click'], tolerate: ['dead_click'], run: async (v) => { await v.clickTimes('h1.display-5', 4); } },
      ],
    },
  ],
};
