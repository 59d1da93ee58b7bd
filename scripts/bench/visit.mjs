// The scripted visit the bench runs on every variant of the landing page: 50 interactions with
// real mouse and keyboard input (pointer moves between targets), including a rage click on the
// pricing table that makes Attune offer help. Returns the number of interactions it made.

const GAP_MS = 100;

const pointAt = async (page, locator) => {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (!box) throw new Error(`bench visit: ${locator} is not visible`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
};

/** Moves the pointer to `locator` in 5 steps and clicks it `times` times; returns the clicks made. */
const click = async (page, locator, times = 1, gapMs = GAP_MS) => {
  const { x, y } = await pointAt(page, locator);
  await page.mouse.move(x, y, { steps: 5 });
  for (let i = 0; i < times; i++) {
    await page.mouse.click(x, y);
    await page.waitForTimeout(gapMs);
  }
  return times;
};

const type = async (page, text) => {
  await page.keyboard.type(text, { delay: 50 });
  await page.waitForTimeout(GAP_MS);
  return text.length;
};

export const visit = async (page) => {
  let n = 0;
  n += await click(page, page.locator('#consent-accept'));
  for (const h3 of await page.locator('#features li h3').all()) n += await click(page, h3);
  const summaries = await page.locator('#faq summary').all();
  for (const summary of summaries) n += await click(page, summary);
  for (const summary of summaries) n += await click(page, summary);
  // The rage click: four fast clicks on a pricing term, which the landing page's rule answers with help.
  n += await click(page, page.locator('[data-attune="plan-team"] .term').first(), 4, 90);
  await page.waitForTimeout(600);
  for (const price of (await page.locator('.plan .price').all()).slice(0, 3)) n += await click(page, price);
  n += await click(page, page.locator('#lead-name'));
  n += await type(page, 'Ada Lovelace');
  n += await click(page, page.locator('#lead-email'));
  n += await type(page, 'ada@ledgerly.io');
  n += await click(page, page.locator('#lead button[type=submit]'));
  return n;
};
