import { describe, expect, it } from 'vitest';
import { isSafeHref } from './safe-href';

describe('isSafeHref', () => {
  it('accepts https, http, mailto, tel and relative links', () => {
    for (const ok of [
      'https://example.com/faq',
      'HTTP://example.com',
      'mailto:help@example.com',
      'tel:+4930123',
      '/faq',
      'faq#plans',
      '?q=1',
      '#top',
      './docs/a:b',
    ]) {
      expect(isSafeHref(ok), ok).toBe(true);
    }
  });

  it('refuses script, data and other schemes, protocol-relative links and whitespace tricks', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,hi',
      'vbscript:x',
      'file:///etc/passwd',
      '//evil.example',
      ' javascript:x',
      'java\tscript:x',
      'java\nscript:x',
      '/faq\\..',
      '',
      'ftp://x',
      42,
      null,
    ]) {
      expect(isSafeHref(bad), String(bad)).toBe(false);
    }
  });
});

const SAFE = [
  'https://example.com/docs',
  'http://example.com',
  'HTTPS://EXAMPLE.COM',
  'mailto:help@example.com',
  'tel:+4930123456',
  '/pricing',
  'docs/billing',
  'faq#plans',
  '#faq',
  '?plan=pro',
];
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
  '{rule}:alert(1)',
  'java{page}script:alert(1)',
  '%6Aavascript:alert(1)',
  'https://example.com/a b',
  `/${'a'.repeat(2048)}`,
  '',
];

describe('isSafeHref, against the links a hostile rules file or event could carry', () => {
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
});
