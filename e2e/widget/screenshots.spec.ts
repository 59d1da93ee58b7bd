import { test, expect } from '../fixtures';
import { PLANS, PLANS_AR, cardOverControls, openFixture, showCard } from './widget-page';

const CARDS = [
  { name: 'help', label: 'pricing', title: { en: 'Comparing plans?', ar: 'هل تقارن بين الخطط؟' } },
  { name: 'question', label: 'plans', title: { en: 'What describes you best?', ar: 'ما الذي يصفك أكثر؟' } },
  { name: 'handoff', label: 'contact', title: { en: 'Want to talk it through?', ar: 'هل تريد التحدث مع أحد؟' } },
] as const;

const THEMES = [
  { theme: 'light', path: PLANS, scheme: 'light', lang: 'en' },
  { theme: 'dark', path: PLANS, scheme: 'dark', lang: 'en' },
  { theme: 'rtl', path: PLANS_AR, scheme: 'light', lang: 'ar' },
] as const;

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 375, height: 667 },
] as const;

for (const { theme, path, scheme, lang } of THEMES) {
  for (const viewport of VIEWPORTS) {
    const size = `${viewport.width}x${viewport.height}`;
    test(`help, question and handoff cards, ${theme}, ${size}: off the trigger and off every control in view (a free place exists), screenshots`, async ({
      page,
      site,
    }) => {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: scheme });
      for (const { name, label, title } of CARDS) {
        await openFixture(page, site.url + path);
        const aside = await showCard(page, label);
        await expect(aside.getByRole('heading')).toHaveText(title[lang]);
        await expect(aside).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
        // Settled: measured placement applied and the entrance animation over.
        await page.waitForTimeout(400);
        const placed = await cardOverControls(page, `[data-attune="${label}"]`);
        // The fixture leaves room for the card: the overlap must then be nil, with the trigger too.
        expect(placed.free, `${name}: a free place exists`).toBe(true);
        expect(placed.covered, `${name}: controls covered`).toEqual([]);
        expect(placed.anchor, `${name}: trigger covered`).toBe(0);
        // A compact sheet the width of a phone; a card on a wide screen.
        if (viewport.width < 480) expect(placed.card.w).toBe(viewport.width);
        else expect(placed.card.w).toBeLessThanOrEqual(352);
        await page.screenshot({ path: `test-results/widget-${name}-${theme}-${size}.png`, animations: 'disabled' });
      }
    });
  }
}
