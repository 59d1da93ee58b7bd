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

const TYPED = ['Sunrise Yoga Bristol', 'Maya Chen', 'maya@sunrise-yoga.example', 'sunrise-yoga-bristol', 'Downward-dog-at-dawn'];

test.describe('Vue example (Fernwood, @attune/vue, headless)', () => {
  test.beforeAll(() => requireBuilt('vue-app'));

  test("rage clicks on the pricing page show the app's own help card, not Attune's widget; dismissing it records `dismissed` at the collector", async ({
    page,
    site,
    collector,
  }) => {
    await page.goto(`${site.url}/vue/`);
    await mouseClick(page, page.getByRole('button', { name: 'Allow' }));
    await markDocument(page);

    await mouseClick(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pricing' }));
    await expect(page).toHaveURL(`${site.url}/vue/pricing/`);
    await expect(page.getByRole('heading', { level: 1, name: 'One price per studio, however busy you get' })).toBeVisible();

    await rapidClicks(page, page.locator('[data-attune="plan-studio"] .term').first(), 4);

    const card = page.getByRole('complementary', { name: 'Working out the price?' });
    await expect(card).toBeVisible();
    await expect(card).toContainText('Fernwood charges per studio, never per booking or per member.');
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
      rule: 'pricing-which-plan',
      kind: 'dismiss',
      purpose: 'help',
      path: '/vue/pricing/',
    });
    expect(events.find((e) => e.type === 'shown')).toMatchObject({ rule: 'pricing-which-plan', path: '/vue/pricing/' });
    expect(events.find((e) => e.type === 'engaged')).toMatchObject({ rule: 'pricing-which-plan', action: 'why' });
    expect(events.find((e) => e.type === 'signal' && e.signal === 'rage_click')).toMatchObject({
      target: 'pricing/plan-studio',
      path: '/vue/pricing/',
    });
    expect(await isSameDocument(page)).toBe(true);
  });

  test('after the help card, client-side routes keep working: signup validates with the keyboard, converts, and the back button returns to pricing', async ({
    page,
    site,
    collector,
  }) => {
    await page.goto(`${site.url}/vue/pricing/`);
    await mouseClick(page, page.getByRole('button', { name: 'Allow' }));
    await markDocument(page);

    await rapidClicks(page, page.locator('[data-attune="plan-solo"] .term').first(), 4);
    const card = page.getByRole('complementary', { name: 'Working out the price?' });
    await expect(card).toBeVisible();
    await card.getByRole('button', { name: 'Why am I seeing this?' }).focus();
    await page.keyboard.press('Escape'); // Escape inside the card dismisses it
    await expect(card).toHaveCount(0);

    await clickInView(page, page.getByRole('link', { name: 'Start with Studio' }));
    await expect(page).toHaveURL(`${site.url}/vue/signup/`);
    await expect(page.getByRole('heading', { level: 1, name: 'Create your studio' })).toBeFocused();

    await clickInView(page, page.getByRole('button', { name: 'Create studio' }));
    await expect(page.getByRole('status').filter({ hasText: 'Please fix 7 fields below.' })).toBeVisible();
    const studio = page.getByRole('textbox', { name: 'Studio name' });
    await expect(studio).toBeFocused();
    await expect(studio).toHaveAttribute('aria-invalid', 'true');

    await page.keyboard.type(TYPED[0]!);
    await page.keyboard.press('Tab');
    await page.keyboard.type(TYPED[1]!);
    await page.keyboard.press('Tab');
    await page.keyboard.type(TYPED[2]!);
    await page.keyboard.press('Tab');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('yoga'); // taken in this demo
    await page.keyboard.press('Tab');
    await expect(page.getByText('fernwood.example/yoga is taken.')).toBeVisible();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(TYPED[3]!);
    await expect(page.getByText('is taken')).toHaveCount(0);
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // classes a week
    await page.keyboard.press('Tab');
    await page.keyboard.type(TYPED[4]!);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // the terms checkbox
    await clickInView(page, page.getByRole('button', { name: 'Create studio' }));
    await expect(page.getByRole('heading', { level: 1, name: 'Sunrise Yoga Bristol is on Fernwood' })).toBeFocused();

    await page.goBack();
    await expect(page).toHaveURL(`${site.url}/vue/pricing/`);
    await expect(page.getByRole('heading', { level: 1, name: 'One price per studio, however busy you get' })).toBeVisible();
    expect(await isSameDocument(page)).toBe(true);

    await expect.poll(async () => (await collector.events('conversion')).length, SEND_TIMEOUT).toBe(1);
    const events = await collector.events();
    expect(events.find((e) => e.type === 'conversion')).toMatchObject({
      goal: 'studio_created',
      path: '/vue/signup/',
      purpose: 'measurement',
    });
    expect(events.find((e) => e.type === 'dismissed')).toMatchObject({
      rule: 'pricing-which-plan',
      kind: 'dismiss',
      path: '/vue/pricing/',
    });
    const wire = JSON.stringify(events);
    for (const value of TYPED) expect(wire).not.toContain(value);
  });

  test("a booking page address that fails twice brings the app's field help, with the failing field named in the evidence", async ({
    page,
    site,
    collector,
  }) => {
    // ?attune-debug: Attune logs each signal, so the test knows when an error has been counted.
    await page.goto(`${site.url}/vue/signup/?attune-debug`);
    await mouseClick(page, page.getByRole('button', { name: 'Allow' }));

    const address = page.getByRole('textbox', { name: 'Booking page address' });
    await clickInView(page, address);
    const firstError = signalLogged(page, 'form_error on signup/address ×1');
    await page.keyboard.type('yoga'); // taken in this demo
    await page.keyboard.press('Tab');
    await expect(address).toHaveAttribute('aria-invalid', 'true');
    await firstError;
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('End');
    await page.keyboard.type('-bath');
    await expect(address).not.toHaveAttribute('aria-invalid', 'true');
    // The visitor moves on, then comes back and changes it again. Attune looks for invalid
    // fields 500 ms after a blur and counts a field again only once it has seen it valid.
    await page.keyboard.press('Tab');
    await page.waitForTimeout(1000);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ControlOrMeta+a');
    const secondError = signalLogged(page, 'form_error on signup/address ×2');
    await page.keyboard.type('Sunrise Yoga'); // spaces and capitals are not allowed
    await page.keyboard.press('Tab');
    await expect(address).toHaveAttribute('aria-invalid', 'true');
    await secondError;

    const card = page.getByRole('complementary', { name: "A field won't go through?" });
    await expect(card).toBeVisible();
    await expect(card).toContainText('lowercase letters, numbers and dashes');

    await expect.poll(async () => (await collector.events('shown')).length, SEND_TIMEOUT).toBe(1);
    const events = await collector.events();
    expect(events.find((e) => e.type === 'decision')).toMatchObject({
      rule: 'signup-field-help',
      path: '/vue/signup/',
    });
    const evidence = events.find((e) => e.type === 'decision')?.evidence as { signal: string; target: string }[];
    expect(evidence.length).toBeGreaterThan(0);
    for (const item of evidence) expect(item).toMatchObject({ signal: 'form_error', target: 'signup/address' });
    expect(JSON.stringify(events)).not.toContain('Sunrise Yoga');
  });
});
