import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withoutAttune, withVitals } from './page-variants.mjs';

const landing = readFileSync(new URL('../../examples/landing/index.html', import.meta.url), 'utf8');

describe('withoutAttune', () => {
  it("removes every Attune script tag from the landing page and keeps the page's own scripts", () => {
    const bare = withoutAttune(landing);
    expect(bare).not.toMatch(/\/attune\//);
    expect(bare).not.toMatch(/data-rules/);
    expect(bare).toContain('<script src="site.js" defer></script>');
    expect(bare).toContain('<link rel="stylesheet" href="site.css">');
  });

  it("gives the page's own attune() calls a no-op to meet", () => {
    expect(withoutAttune(landing)).toContain('<script>window.attune = function () {};</script>\n</head>');
  });

  it('refuses a page it cannot strip, so the bench never compares a page with itself', () => {
    expect(() => withoutAttune('<html><head></head><body></body></html>')).toThrow(/could not strip/);
  });
});

describe('withVitals', () => {
  it('keeps Attune and adds an idle-time import of the web-vitals chunk', () => {
    const html = withVitals(landing);
    expect(html).toContain('src="/attune/attune.js"');
    expect(html).toMatch(/requestIdleCallback\(async \(\) => \{\s*const \{ startVitals \} = await import\('\/attune\/attune-vitals\.js'\)/);
  });
});
