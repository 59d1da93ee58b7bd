// Start Bootstrap's Shop Homepage: a product grid whose "Add to cart" and "View options" are
// placeholder `href="#"` links, a Shop menu and a Cart button that submits the header form.
export default {
  kind: 'shop template (product list)',
  probe: () => ({ at: location.pathname + location.search + location.hash, menus: document.querySelectorAll('.dropdown-menu.show').length, cart: document.querySelector('.navbar .badge')?.textContent ?? null }),
  sessions: [
    {
      name: 'browses the shop menu and the products',
      mood: 'calm',
      steps: [
        { name: 'opens the Shop menu and closes it with Escape', run: async (v) => { await v.click('#navbarDropdown'); await v.rest(600); await v.press('Escape'); } },
        { name: 'scrolls through the products, resting on some', run: async (v) => { await v.scroll(500); await v.hover('.row > .col:nth-child(2) .card', 800); await v.hover('.row > .col:nth-child(3) .card-body', 700); await v.scroll(500); await v.hover('.row > .col:nth-child(7) .card', 800); } },
        { name: 'goes back up and to the tab strip', run: async (v) => { await v.scroll(-1200); await v.toTabStrip(); } },
        { name: 'opens the cart (the header form reloads the page)', run: async (v) => { await v.click('form button.btn-outline-dark'); await v.rest(700); } },
      ],
    },
    {
      name: 'tries to add products with links that go nowhere',
      mood: 'struggle',
      steps: [
        { name: 'clicks the placeholder "About" menu link', expect: ['dead_click'], run: async (v) => { await v.click('.navbar a.nav-link:has-text("About")'); } },
        { name: 'clicks "Add to cart" three times fast on a product', expect: ['rage_click'], tolerate: ['dead_click'], run: async (v) => { await v.clickTimes('.row > .col:nth-child(2) a:has-text("Add to cart")', 4); } },
        { name: 'clicks "View options" on the first product', expect: ['dead_click'], run: async (v) => { await v.click('.row > .col:nth-child(1) a:has-text("View options")'); } },
      ],
    },
  ],
};
