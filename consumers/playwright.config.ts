import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// The consumer suite's browser half, run by consumers/run.mjs once the throwaway apps are built
// (ATTUNE_CONSUMERS_DIR). Same Chromium and flags as the e2e suite.
const systemChromium = [process.env.ATTUNE_CHROMIUM, process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find(
  (path) => path && existsSync(path),
);

export default defineConfig({
  testDir: '.',
  testMatch: 'consumers.spec.ts',
  timeout: 45_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      ...(systemChromium ? { executablePath: systemChromium } : {}),
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-gpu'],
    },
  },
});
