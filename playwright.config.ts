import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// This machine cannot download Playwright's browsers: use the system Chromium when there is one.
const systemChromium = [process.env.ATTUNE_CHROMIUM, process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find(
  (path) => path && existsSync(path),
);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // The real-page corpus (e2e/real) is the detection benchmark's ground truth: it runs with
  // `pnpm test:corpus` (and `pnpm bench:detection`), not in the default run, until every page's
  // expectations pass; see the README's "Detection benchmark".
  testIgnore: process.env.ATTUNE_CORPUS ? [] : ['real/**'],
  timeout: 45_000,
  expect: { timeout: 8_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      ...(systemChromium ? { executablePath: systemChromium } : {}),
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-gpu'],
    },
  },
});
