import type { Page } from '@playwright/test';
import { test, expect } from '../fixtures';
import { PLANS, PLANS_AR, card, openFixture, showCard } from './widget-page';

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

/** The card and a margin of page around it, so its shadow and edges show. */
const shoot = async (page: Page, file: string) => {
  const box = (await card(page).boundingBox())!;
  const m = 24;
  const x = Math.max(0, box.x - m);
  const y = Math.max(0, box.y - m);
  await page.screenshot({ path: `test-results/${file}`, clip: { x, y, width: Math.min(1280 - x, box.width + 2 * m), height: Math.min(800 - y, box.height + 2 * m) }, animations: 'disabled' });
};

for (const { theme, path, scheme, lang } of THEMES) {
  test(`screenshots of the help card, the question and the handoff card, ${theme}`, async ({ page, site }) => {
    await page.emulateMedia({ colorScheme: scheme });
    for (const { name, label, title } of CARDS) {
      await openFixture(page, site.url + path);
      const aside = await showCard(page, label);
      await expect(aside.getByRole('heading')).toHaveText(title[lang]);
      // Settled: measured placement applied and the entrance animation over.
      await page.waitForTimeout(400);
      await expect(aside).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
      const box = (await aside.boundingBox())!;
      // The card sits in the reading direction's end corner: bottom right in LTR, bottom left in RTL.
      if (lang === 'ar') expect(box.x + box.width / 2).toBeLessThan(640);
      else expect(box.x + box.width / 2).toBeGreaterThan(640);
      await shoot(page, `widget-${name}-${theme}.png`);
    }
  });
}
