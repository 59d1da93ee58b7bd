import { isSafeHref as rulesPolicy } from '@attune/rules';
import { describe, expect, it } from 'vitest';
import { isSafeHref } from './safe-href';

const SAFE = ['https://example.com/docs', 'http://example.com', 'HTTPS://EXAMPLE.COM', 'mailto:help@example.com', 'tel:+4930123456', '/pricing', 'docs/billing', 'faq#plans', '#faq', '?plan=pro'];
const UNSAFE = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0001javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'ftp://example.com',
  '//evil.example.com/login',
  '/\\evil.example.com',
  'https://example.com/a b',
  `/${'a'.repeat(2048)}`,
  '',
];

describe('isSafeHref', () => {
  it.each(SAFE)('accepts the safe or relative link %s', (href) => {
    expect(isSafeHref(href)).toBe(true);
  });

  it.each(UNSAFE.map((href) => [JSON.stringify(href).slice(0, 60), href]))('refuses %s', (_, href) => {
    expect(isSafeHref(href)).toBe(false);
  });

  it('refuses values that are not strings', () => {
    expect(isSafeHref(undefined)).toBe(false);
    expect(isSafeHref({ toString: () => 'https://example.com' })).toBe(false);
  });

  it('agrees with the rules validator on every case', () => {
    for (const href of [...SAFE, ...UNSAFE, 42, null]) expect(isSafeHref(href), String(href)).toBe(rulesPolicy(href));
  });
});
