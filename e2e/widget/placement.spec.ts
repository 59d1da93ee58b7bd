import { test, expect, mouseClick } from '../fixtures';
import { SIGNUP, card, collected, openFixture } from './widget-page';

type Box = { x: number; y: number; width: number; height: number };
const gapBetween = (a: Box, b: Box) =>
  Math.max(0, Math.max(a.x, b.x) - Math.min(a.x + a.width, b.x + b.width), Math.max(a.y, b.y) - Math.min(a.y + a.height, b.y + b.height));
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 375, height: 667 },
]) {
  test(`a form-error rule places the card on screen, off the failing field and off the submit button, beside the field where there is room, at ${viewport.width}×${viewport.height}`, async ({
    page,
    site,
    collector,
  }) => {
    await page.setViewportSize(viewport);
    await openFixture(page, site.url + SIGNUP);
    const email = page.locator('#email');
    // Submitting with the required email empty: the browser refuses it (an `invalid` event) twice.
    const submit = page.getByRole('button', { name: 'Start trial' });
    await mouseClick(page, submit);
    await page.waitForTimeout(300);
    await mouseClick(page, submit);
    const aside = card(page);
    await expect(aside).toBeVisible();
    await expect(aside.getByRole('heading')).toHaveText('Trouble with the email?');
    // Placement settles within a frame or two of appearing.
    await page.waitForTimeout(400);

    const c = (await aside.boundingBox())!;
    const f = (await email.boundingBox())!;
    expect(c.x).toBeGreaterThanOrEqual(0);
    expect(c.y).toBeGreaterThanOrEqual(0);
    expect(c.x + c.width).toBeLessThanOrEqual(viewport.width);
    expect(c.y + c.height).toBeLessThanOrEqual(viewport.height);
    expect(overlaps(c, f)).toBe(false);
    // The visitor can fix the field and send the form at once: the button stays uncovered.
    expect(overlaps(c, (await submit.boundingBox())!)).toBe(false);
    if (viewport.width >= 1000) {
      // Beside the field: within a few pixels of it, not in a far corner.
      expect(gapBetween(c, f)).toBeLessThanOrEqual(16);
      // Room to the right of the field: the card sits there, level with the field.
      expect(c.x).toBeGreaterThanOrEqual(f.x + f.width);
      expect(Math.abs(c.y - f.y)).toBeLessThanOrEqual(24);
    }
    // Its whole content is reachable: if it had to shrink, it scrolls rather than clipping.
    expect(await aside.evaluate((el) => el.scrollHeight <= el.clientHeight || getComputedStyle(el).overflowY === 'auto')).toBe(true);

    await page.screenshot({ path: `test-results/widget-anchored-${viewport.width}x${viewport.height}.png` });
    const decisions = await collected(page, collector, 'decision');
    expect(decisions[0]).toMatchObject({ rule: 'email-fix', evidence: [{ signal: 'form_error', target: '#email' }] });
  });
}
