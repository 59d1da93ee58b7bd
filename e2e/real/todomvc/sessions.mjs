// TodoMVC (plain JavaScript, ES5): a single-page app with hash routing (#/, #/active,
// #/completed), an input that adds on Enter, double-click to edit.
export default {
  kind: 'single-page app with client routing',
  probe: () => ({
    at: location.pathname + location.hash,
    todos: [...document.querySelectorAll('.todo-list li')].map((li) => `${li.classList.contains('completed') ? 'x' : ' '} ${li.querySelector('label')?.textContent ?? ''}`),
    filter: document.querySelector('.filters a.selected')?.getAttribute('href') ?? null,
    input: document.querySelector('.new-todo')?.value ?? null,
  }),
  sessions: [
    {
      name: 'adds, completes, filters, edits and clears todos',
      mood: 'calm',
      steps: [
        {
          name: 'adds three todos',
          run: async (v) => {
            await v.click('.new-todo');
            for (const todo of ['Buy milk', 'Walk the dog', 'Read a book']) {
              await v.type(todo);
              await v.press('Enter');
            }
          },
        },
        { name: 'completes the first', run: async (v) => { await v.click('.todo-list li:nth-child(1) .toggle'); } },
        { name: 'looks at Active, then Completed, then All', run: async (v) => { await v.click('.filters a[href="#/active"]'); await v.rest(500); await v.click('.filters a[href="#/completed"]'); await v.rest(500); await v.click('.filters a[href="#/"]'); await v.rest(400); } },
        {
          name: 'double-clicks a todo to edit it',
          run: async (v) => {
            const { x, y } = await v.moveTo('.todo-list li:nth-child(2) label');
            await v.rest(200);
            await v.page.mouse.dblclick(x, y);
            await v.rest(300);
            await v.press('End');
            await v.type(' twice');
            await v.press('Enter');
          },
        },
        { name: 'clears the completed todo', run: async (v) => { await v.click('.clear-completed'); } },
        { name: 'goes back through the routes with the browser', run: async (v) => { await v.press('Alt+ArrowLeft'); await v.rest(400); await v.press('Alt+ArrowLeft'); await v.rest(400); } },
      ],
    },
    {
      name: 'clicks a todo expecting to edit it, rages on the title',
      mood: 'struggle',
      steps: [
        { name: 'adds a todo', run: async (v) => { await v.click('.new-todo'); await v.type('Call the bank'); await v.press('Enter'); } },
        { name: 'clicks the todo text once, then again (it needs a double-click)', expect: ['dead_click'], run: async (v) => { await v.click('.todo-list li:nth-child(1) label'); await v.rest(900); await v.click('.todo-list li:nth-child(1) label'); } },
        { name: 'clicks the "todos" title four times fast', expect: ['rage_click'], tolerate: ['dead_click'], run: async (v) => { await v.clickTimes('.header h1', 4); } },
      ],
    },
  ],
};
