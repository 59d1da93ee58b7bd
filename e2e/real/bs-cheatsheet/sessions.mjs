// Bootstrap's cheatsheet: every component on one page (accordion, tabs, dropdowns, modals,
// tooltips, forms); its script cancels every `href="#"` link and every submit button.
export default {
  kind: 'component-library example (every component, submits cancelled by script)',
  probe: () => ({
    at: location.pathname + location.hash,
    accordion: [...document.querySelectorAll('#accordionExample .accordion-collapse.show')].map((e) => e.id),
    tab: document.querySelector('#nav-tab .nav-link.active')?.id ?? null,
    modal: document.querySelector('.modal.show')?.id ?? null,
    menus: document.querySelectorAll('.dropdown-menu.show').length,
    email: document.getElementById('exampleInputEmail1')?.value ?? null,
    checked: document.getElementById('exampleCheck1')?.checked ?? null,
  }),
  sessions: [
    {
      name: 'browses the components with the side menu and uses each',
      mood: 'calm',
      steps: [
        { name: 'opens "Components" in the side menu and picks Accordion', run: async (v) => { await v.click('.bd-aside button:has-text("Components")'); await v.rest(500); await v.click('.bd-aside a[href="#accordion"]'); await v.rest(900); } },
        { name: 'opens the second and third accordion items', run: async (v) => { await v.click('#accordionExample button:has-text("Accordion Item #2")'); await v.rest(600); await v.click('#accordionExample button:has-text("Accordion Item #3")'); await v.rest(600); } },
        { name: 'switches tabs', run: async (v) => { await v.click('#nav-profile-tab'); await v.rest(400); await v.click('#nav-contact-tab'); await v.rest(400); } },
        { name: 'opens a dropdown and closes it with Escape', run: async (v) => { await v.click('#dropdownMenuButton'); await v.rest(500); await v.press('Escape'); } },
        { name: 'opens the demo modal and closes it with Escape', run: async (v) => { await v.click('button[data-bs-target="#exampleModalDefault"]'); await v.rest(700); await v.press('Escape'); await v.rest(600); } },
        { name: 'rests on a tooltip button', run: async (v) => { await v.hover('button:has-text("Tooltip on top")', 900); } },
        { name: 'fills the overview form without sending it', run: async (v) => { await v.fill('#exampleInputEmail1', 'ada@example.com'); await v.fill('#exampleInputPassword1', 'correct horse'); await v.click('#exampleCheck1'); } },
      ],
    },
    {
      name: 'submits a form the page cancels, rages on a demo button, clicks a disabled field',
      mood: 'struggle',
      steps: [
        { name: 'fills the overview form and presses Submit (nothing happens)', expect: ['dead_click'], tolerate: ['form_error'], run: async (v) => { await v.fill('#exampleInputEmail1', 'ada@example.com'); await v.click('#overview button[type=submit]'); } },
        { name: 'clicks the demo "Primary" button five times fast', expect: ['rage_click'], tolerate: ['dead_click'], run: async (v) => { await v.clickTimes('#buttons button.btn-primary', 5); } },
        { name: 'clicks the disabled text input twice', expect: ['disabled_click'], tolerate: ['dead_click'], run: async (v) => { await v.clickTimes('#disabledTextInput', 2, 400); } },
      ],
    },
  ],
};
