import {
  test,
  expect,
  rapidClicks,
  mouseClick,
  markDocument,
  isSameDocument,
  requireBuilt,
  clickInView,
  signalLogged,
  SEND_TIMEOUT,
} from './app-fixtures';

const TYPED = ['Sam Rivera', 'sam@harbour-cafe.example', 'harbour-cafe-leeds', 'Correct-horse-battery'];

test.describe('React example (Rotaboard, @attune/react, headless)', () => {
  test.beforeAll(() => requireBuilt('react-app'));

  test("rage clicks on the pricing page show the app's own help card, not Attune's widget; dismissing it records `dismissed` at the collector", async ({
    page,
    site,
    collector,
  }) => {
    await page.goto(`${site.url}/react/`);
    await mouseClick(page, page.getByRole('button', { name: 'Allow' }));
    await markDocument(page);

    await mouseClick(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pricing' }));
    await expect(page).toHaveURL(`${site.url}/react/pricing/`);
    await expect(page.getByRole('heading', { level: 1, name: 'Pay for the people you schedule' })).toBeVisible();

    const term = page.locator('[data-attune="plan-team"] .term').first();
    await rapidClicks(page, term, 4);

    const card = page.getByRole('complementary', { name: 'Not sure which plan fits?' });
    await expect(card).toBeVisible();
    await expect(card).toContainText('Most cafés and clinics with up to 25 staff pick Team');
    // Headless: the app's component renders the help; Attune mounts no UI of its own.
    await expect(page.locator('[data-attune-ui]')).toHaveCount(0);
    await expect(card).toHaveClass(/help-card/);

    await mouseClick(page, card.getByRole('button', { name: 'Why am I seeing this?' }));
    await expect(card).toContainText('You clicked the plan cards several times in a row.');

    await mouseClick(page, card.getByRole('button', { name: 'Dismiss' }));
    await expect(card).toHaveCount(0);

    await expect.poll(async () => (await collector.events('dismissed')).length, SEND_TIMEOUT).toBe(1);
    const events = await collector.events();
    expect(events.find((e) => e.type === 'dismissed')).toMatchObject({
      rule: 'pricing-compare-plans',
      kind: 'dismiss',
      purpose: 'help',
      path: '/react/pricing/',
    });
    expect(events.find((e) => e.type === 'shown')).toMatchObject({ rule: 'pricing-compare-plans', path: '/react/pricing/' });
    expect(events.find((e) => e.type === 'engaged')).toMatchObject({ rule: 'pricing-compare-plans', action: 'why' });
    expect(events.find((e) => e.type === 'signal' && e.signal === 'rage_click')).toMatchObject({
      target: 'pricing/plan-team',
      path: '/react/pricing/',
    });
    // The whole visit was one document: the routes changed through the History API.
    expect(await isSameDocument(page)).toBe(true);
  });

  test('after the help card, client-side routes keep working: signup validates with the keyboard, converts, and the back button returns to pricing', async ({
    page,
    site,
    collector,
  }) => {
    await page.goto(`${site.url}/react/pricing/`);
    await mouseClick(page, page.getByRole('button', { name: 'Allow' }));
    await markDocument(page);

    await rapidClicks(page, page.locator('[data-attune="plan-starter"] .term').first(), 4);
    const card = page.getByRole('complementary', { name: 'Not sure which plan fits?' });
    await expect(card).toBeVisible();
    await card.getByRole('button', { name: 'Dismiss' }).focus();
    await page.keyboard.press('Enter');
    await expect(card).toHaveCount(0);

    await mouseClick(page, page.getByRole('link', { name: 'Start with Team' }));
    await expect(page).toHaveURL(`${site.url}/react/signup/`);
    await expect(page.getByRole('heading', { level: 1, name: 'Start your 14-day free trial' })).toBeFocused();

    // Submitting empty shows every error and moves focus to the first field to fix.
    await clickInView(page, page.getByRole('button', { name: 'Create workspace' }));
    await expect(page.getByRole('status').filter({ hasText: 'Please fix 6 fields below.' })).toBeVisible();
    const name = page.getByRole('textbox', { name: 'Your name' });
    await expect(name).toBeFocused();
    await expect(name).toHaveAttribute('aria-invalid', 'true');

    await page.keyboard.type(TYPED[0]!);
    await page.keyboard.press('Tab');
    await page.keyboard.type(TYPED[1]!);
    await page.keyboard.press('Tab');
    await page.keyboard.type('cafe'); // taken in this demo
    await page.keyboard.press('Tab');
    await expect(page.getByText('cafe.rotaboard.example is taken.')).toBeVisible();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(TYPED[2]!);
    await page.keyboard.press('Tab');
    await expect(page.getByText('is taken')).toHaveCount(0);
    await page.keyboard.press('ArrowDown'); // the team-size select
    await page.keyboard.press('Tab');
    await page.keyboard.type(TYPED[3]!);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // the terms checkbox
    await clickInView(page, page.getByRole('button', { name: 'Create workspace' }));
    await expect(page.getByRole('heading', { level: 1, name: 'Your workspace is ready' })).toBeVisible();

    await page.goBack();
    await expect(page).toHaveURL(`${site.url}/react/pricing/`);
    await expect(page.getByRole('heading', { level: 1, name: 'Pay for the people you schedule' })).toBeVisible();
    expect(await isSameDocument(page)).toBe(true);

    await expect.poll(async () => (await collector.events('conversion')).length, SEND_TIMEOUT).toBe(1);
    const events = await collector.events();
    expect(events.find((e) => e.type === 'conversion')).toMatchObject({
      goal: 'trial_started',
      path: '/react/signup/',
      purpose: 'measurement',
    });
    expect(events.find((e) => e.type === 'dismissed')).toMatchObject({ rule: 'pricing-compare-plans', path: '/react/pricing/' });
    // Nothing typed into the form ever leaves the page.
    const wire = JSON.stringify(events);
    for (const value of TYPED) expect(wire).not.toContain(value);
  });

  test("a workspace address that fails twice brings the app's field help, with the failing field named in the evidence", async ({
    page,
    site,
    collector,
  }) => {
    // ?attune-debug: Attune logs each signal, so the test knows when an error has been counted.
    await page.goto(`${site.url}/react/signup/?attune-debug`);
    await mouseClick(page, page.getByRole('button', { name: 'Allow' }));

    const workspace = page.getByRole('textbox', { name: 'Workspace address' });
    await clickInView(page, workspace);
    const firstError = signalLogged(page, 'form_error on signup/workspace ×1');
    await page.keyboard.type('cafe'); // taken in this demo
    await page.keyboard.press('Tab');
    await expect(workspace).toHaveAttribute('aria-invalid', 'true');
    await firstError;
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('End');
    await page.keyboard.type('-leeds');
    await expect(workspace).not.toHaveAttribute('aria-invalid', 'true');
    // The visitor moves on, then comes back and changes it again. Attune looks for invalid
    // fields 500 ms after a blur and counts a field again only once it has seen it valid.
    await page.keyboard.press('Tab');
    await page.waitForTimeout(1000);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ControlOrMeta+a');
    const secondError = signalLogged(page, 'form_error on signup/workspace ×2');
    await page.keyboard.type('Harbour Cafe'); // spaces and capitals are not allowed
    await page.keyboard.press('Tab');
    await expect(workspace).toHaveAttribute('aria-invalid', 'true');
    await secondError;

    const card = page.getByRole('complementary', { name: 'Stuck on a field?' });
    await expect(card).toBeVisible();
    await expect(card).toContainText('letters, numbers and dashes');

    await expect.poll(async () => (await collector.events('shown')).length, SEND_TIMEOUT).toBe(1);
    const events = await collector.events();
    expect(events.find((e) => e.type === 'decision')).toMatchObject({
      rule: 'signup-field-help',
      path: '/react/signup/',
    });
    const evidence = events.find((e) => e.type === 'decision')?.evidence as { signal: string; target: string }[];
    expect(evidence.length).toBeGreaterThan(0);
    for (const item of evidence) expect(item).toMatchObject({ signal: 'form_error', target: 'signup/workspace' });
    expect(JSON.stringify(events)).not.toContain('Harbour Cafe');
  });
});
