import { describe, expect, it } from 'vitest';
import { isSafeHref } from './safe-href';

describe('isSafeHref', () => {
  it('accepts https, http, mailto, tel and relative links', () => {
    for (const ok of ['https://example.com/faq', 'HTTP://example.com', 'mailto:help@example.com', 'tel:+4930123', '/faq', 'faq#plans', '?q=1', '#top', './docs/a:b']) {
      expect(isSafeHref(ok), ok).toBe(true);
    }
  });

  it('refuses script, data and other schemes, protocol-relative links and whitespace tricks', () => {
    for (const bad of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,hi', 'vbscript:x', 'file:///etc/passwd', '//evil.example', ' javascript:x', 'java\tscript:x', 'java\nscript:x', '/faq\\..', '', 'ftp://x', 42, null]) {
      expect(isSafeHref(bad), String(bad)).toBe(false);
    }
  });
});
