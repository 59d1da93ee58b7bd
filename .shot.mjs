import { chromium } from '@playwright/test';
import { startSiteServer } from '/work/main/examples/site-server.mjs';
const server = await startSiteServer({ endpoint: () => 'http://127.0.0.1:9/collect', mounts: { '/react/': '/work/main/examples/react-app/dist', '/vue/': '/work/main/examples/vue-app/dist' } });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
for (const app of ['react', 'vue']) {
  await page.goto(`${server.url}/${app}/pricing/`);
  await page.getByRole('button', { name: 'Allow' }).click();
  const box = await page.locator('[data-attune^="plan-"] .term').nth(4).boundingBox();
  for (let i = 0; i < 4; i++) { await page.mouse.click(box.x + 5, box.y + 5); await page.waitForTimeout(90); }
  await page.getByRole('complementary').waitFor();
  await page.screenshot({ path: `/tmp/${app}-pricing.png` });
  await page.goto(`${server.url}/${app}/`);
  await page.screenshot({ path: `/tmp/${app}-home.png` });
  await page.goto(`${server.url}/${app}/signup/`);
  await page.getByRole('button', { name: /Create/ }).click();
  await page.screenshot({ path: `/tmp/${app}-signup.png`, fullPage: true });
}
await browser.close(); await server.close();
