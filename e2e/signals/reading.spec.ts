import { mouseClick } from '../fixtures';
import { expect, open, outcome, test } from './scenario';

test.describe.configure({ mode: 'parallel' });

test('scroll_thrash: the wheel turned a screen down and up four times in a row gives a scroll_thrash', async ({
  page,
  site,
  collector,
}) => {
  await open(page, site.url, 'reading.html');
  await page.mouse.move(640, 400);
  for (const dy of [700, -700, 700, -700, 700]) {
    await page.mouse.wheel(0, dy);
    await page.waitForTimeout(250);
  }
  const signals = await outcome(page, collector, { expected: ['scroll_thrash'] });
  expect(signals.map((s) => [s.signal, s.count])).toEqual([['scroll_thrash', 3]]);
});

test('scroll_thrash: Page Down and Page Up pressed back and forth gives a scroll_thrash', async ({ page, site, collector }) => {
  await open(page, site.url, 'reading.html');
  await mouseClick(page, page.locator('h1'));
  for (const key of ['PageDown', 'PageDown', 'PageUp', 'PageDown', 'PageUp', 'PageDown']) {
    await page.keyboard.press(key);
    await page.waitForTimeout(300);
  }
  const signals = await outcome(page, collector, { expected: ['scroll_thrash'] });
  expect(signals.map((s) => s.signal)).toEqual(['scroll_thrash']);
});

test('a calm visitor reading the FAQ and scrolling slowly gives no signal', async ({ page, site, collector }) => {
  await open(page, site.url, 'reading.html');
  await page.mouse.move(1100, 400);
  for (const dy of [120, 120, 160, -60, 120, 160, 120, 120, -40, 160]) {
    await page.mouse.wheel(0, dy);
    await page.waitForTimeout(450);
  }
  await outcome(page, collector, { expected: [], quietMs: 500 });
});

test('hesitation: the pointer resting on Book a demo for over two seconds gives a hesitation on it', async ({ page, site, collector }) => {
  await open(page, site.url, 'reading.html');
  const box = (await page.locator('#demo').boundingBox())!;
  await page.mouse.move(box.x + 10, box.y + box.height / 2);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const signals = await outcome(page, collector, { expected: ['hesitation'] });
  expect(signals).toEqual([{ signal: 'hesitation', target: '#demo', count: 2 }]);
});

test('hesitation: the pointer resting on the Team plan gives a hesitation on the marked section', async ({ page, site, collector }) => {
  await open(page, site.url, 'reading.html');
  const box = (await page.locator('#team-term').boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  const signals = await outcome(page, collector, { expected: ['hesitation'] });
  expect(signals).toEqual([{ signal: 'hesitation', target: 'pricing/plan-team', count: 2 }]);
});

test('hesitation: a VAT field focused and left without typing gives a hesitation on the field', async ({ page, site, collector }) => {
  await open(page, site.url, 'form.html');
  await mouseClick(page, page.locator('#vat'));
  await page.mouse.move(700, 700);
  const signals = await outcome(page, collector, { expected: ['hesitation'] });
  expect(signals).toEqual([{ signal: 'hesitation', target: '#vat', count: 5 }]);
});
