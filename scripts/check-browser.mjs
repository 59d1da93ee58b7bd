// Before the browser tests: say clearly how to get a Chromium when there is none.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const candidates = [process.env.ATTUNE_CHROMIUM, process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(Boolean);
let bundled = '';
try {
  bundled = chromium.executablePath();
} catch {
  bundled = '';
}
if (!candidates.some((p) => existsSync(p)) && !(bundled && existsSync(bundled))) {
  console.error(
    '[attune] The browser tests need Chromium. On Debian or Ubuntu: `sudo apt-get install -y chromium`;\n' +
      '         elsewhere set ATTUNE_CHROMIUM to a Chromium binary, or run `npx playwright install chromium`.',
  );
  process.exit(1);
}
