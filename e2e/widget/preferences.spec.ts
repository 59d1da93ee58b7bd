import { test, expect, flush, mouseClick } from '../fixtures';
import { PLANS, card, collected, host, openFixture, rageClick, showCard } from './widget-page';

const DAY = 86_400_000;

for (const [control, kind] of [
  ['Dismiss', 'dismiss'],
  ['Not now', 'snooze'],
  ["Don't show tips like this", 'never'],
  ['No tips at all', 'all'],
] as const) {
  test(`"${control}" closes the card and the collector records dismissed with kind ${kind}`, async ({ page, site, collector }) => {
    await openFixture(page, site.url + PLANS);
    const aside = await showCard(page, 'pricing');
    await mouseClick(page, aside.getByRole('button', { name: control, exact: true }));
    await expect(host(page)).toHaveCount(0);
    const dismissed = await collected(page, collector, 'dismissed');
    expect(dismissed.map((e) => [e.rule, e.kind, e.purpose])).toEqual([['pricing-help', kind, 'help']]);
  });
}

// Eight days on, a plain dismissal has cooled down (7 days) and a snooze has long run out (1 day),
// so the card comes back; "Don't show tips like this" keeps it away for good, across reloads.
for (const [control, comesBack] of [
  ['Dismiss', true],
  ["Don't show tips like this", false],
] as const) {
  test(`after "${control}", a reload eight days later ${comesBack ? 'shows the card again' : 'never shows the card again'}`, async ({
    page,
    site,
    collector,
  }) => {
    const start = Date.now();
    await page.clock.install({ time: start });
    await openFixture(page, site.url + PLANS);
    const aside = await showCard(page, 'pricing');
    await mouseClick(page, aside.getByRole('button', { name: control, exact: true }));
    await expect(host(page)).toHaveCount(0);
    await collected(page, collector, 'dismissed');

    await page.clock.setSystemTime(start + 8 * DAY);
    await page.reload();
    await page.waitForFunction(() => typeof (window as unknown as { attune?: { ready?: unknown } }).attune?.ready === 'object');
    await page.evaluate(() => (window as unknown as { attune: { ready: Promise<void> } }).attune.ready);
    await rageClick(page, 'pricing');
    // The second burst was seen and evaluated: its signal reached the collector.
    await expect
      .poll(async () => {
        await flush(page);
        return (await collector.events('signal')).filter((e) => e.signal === 'rage_click' && e.target === 'pricing').length;
      })
      .toBe(2);
    if (comesBack) await expect(card(page)).toBeVisible();
    else {
      await page.waitForTimeout(1500);
      await expect(host(page)).toHaveCount(0);
    }
    await flush(page);
    expect((await collector.events('shown')).length).toBe(comesBack ? 2 : 1);
  });
}

test("?attune-preview=<id> shows that rule's card marked as a preview, and nothing about it reaches the collector", async ({
  page,
  site,
  collector,
  requests,
}) => {
  await openFixture(page, `${site.url}${PLANS}?attune-preview=talk-to-us`);
  const aside = card(page);
  await expect(aside).toBeVisible();
  // Shown with no signal at all: the rule's conditions were not needed.
  await expect(aside.getByRole('heading', { name: 'Want to talk it through?' })).toBeVisible();
  await expect(aside.getByText('Preview', { exact: true })).toBeVisible();

  await mouseClick(page, aside.getByRole('button', { name: 'Why am I seeing this?' }));
  await expect(aside.locator('#attune-why')).toBeVisible();
  await mouseClick(page, aside.getByRole('button', { name: 'Not now' }));
  await expect(host(page)).toHaveCount(0);

  await flush(page);
  await page.waitForTimeout(500);
  await flush(page);
  expect(await collector.events()).toEqual([]);
  for (const { body } of requests) expect(body).not.toContain('talk-to-us');
});

test('"Forget all of this" under "Why am I seeing this?" confirms in the card that nothing is kept any more', async ({ page, site }) => {
  await openFixture(page, site.url + PLANS);
  const aside = await showCard(page, 'pricing');
  await mouseClick(page, aside.getByRole('button', { name: 'Why am I seeing this?' }));
  await expect(aside.getByRole('heading', { name: 'What Attune remembers on this device' })).toBeVisible();
  await expect(aside.locator('#attune-why li').first()).toContainText(/^Visits since .+: 1, under a random id/);
  await expect(aside.locator('#attune-why li').last()).toHaveText(
    'Your privacy choices: measurement allowed, help allowed, profiling allowed.',
  );
  await mouseClick(page, aside.getByRole('button', { name: 'Forget all of this' }));
  await expect(aside.getByText('Forgotten. Nothing is kept on this device any more.')).toBeVisible({ timeout: 3000 });
});

// Fails with the working tree of 22:25 UTC: the card's onForget now calls the engine's forget()
// (packages/attune/src/engine.ts), which resets only what is held in memory; the IndexedDB records
// (visitor, history, answers) and the queue survive, so the reload still knows the answer. The
// public attune.forget() does wipe them. See the report for the fix.
test('"Forget all of this" wipes what the device remembers: after a reload, the answered question is asked again', async ({
  page,
  site,
}) => {
  await openFixture(page, site.url + PLANS);
  const question = await showCard(page, 'plans');
  await mouseClick(page, question.getByRole('radio', { name: 'Developer' }));
  await mouseClick(page, question.getByRole('button', { name: 'Send' }));
  await expect(host(page)).toHaveCount(0);

  // Remembered across a reload: the answered question is not asked twice.
  await page.reload();
  await page.evaluate(async () => {
    while (!(window as unknown as { attune?: { ready?: Promise<void> } }).attune?.ready) await new Promise((r) => setTimeout(r, 20));
    await (window as unknown as { attune: { ready: Promise<void> } }).attune.ready;
  });
  await rageClick(page, 'plans');
  await page.waitForTimeout(1800);
  await expect(host(page)).toHaveCount(0);

  const help = await showCard(page, 'pricing');
  await mouseClick(page, help.getByRole('button', { name: 'Why am I seeing this?' }));
  await mouseClick(page, help.getByRole('button', { name: 'Forget all of this' }));
  // The wipe is asynchronous: wait until Attune's store on the device is empty before reloading.
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open('attune');
            open.onerror = () => resolve(-1);
            open.onsuccess = () => {
              const db = open.result;
              const count = db.transaction('kv').objectStore('kv').count();
              count.onsuccess = () => {
                db.close();
                resolve(count.result);
              };
            };
          }),
      ),
    )
    .toBe(0);

  await page.reload();
  await page.evaluate(async () => {
    while (!(window as unknown as { attune?: { ready?: Promise<void> } }).attune?.ready) await new Promise((r) => setTimeout(r, 20));
    await (window as unknown as { attune: { ready: Promise<void> } }).attune.ready;
  });
  const again = await showCard(page, 'plans');
  await expect(again.getByRole('radiogroup', { name: 'What describes you best?' })).toBeVisible();
});
