import { describe, expect, it } from 'vitest';
import { deviceClass, pageFacts, referrerClass, templatePath } from './page';

describe('pageFacts', () => {
  it('drops utm values that carry an email address or a phone or card number', () => {
    const page = pageFacts(
      'https://shop.example/?utm_source=news&utm_content=jane%40example.com&utm_term=%2B44%2020%207946%200958&utm_campaign=2024-11-sale',
      '',
    );
    expect(page.utm).toEqual({ utm_source: 'news', utm_campaign: '2024-11-sale' });
  });

  it('keeps the path and allowlisted utm keys only, never the full URL', () => {
    const page = pageFacts('https://shop.example/pricing?utm_source=news&email=a%40b.c&token=xyz#top', '');
    expect(page).toEqual({ path: '/pricing', referrer: 'direct', utm: { utm_source: 'news' } });
  });
});

describe('referrerClass', () => {
  it.each([
    ['https://www.google.com/search?q=x', 'search'],
    ['https://www.linkedin.com/feed', 'social'],
    ['https://blog.partner.io/post', 'referral'],
    ['https://shop.example/other', 'internal'],
    ['', 'direct'],
  ])('classifies %s as %s', (referrer, expected) => {
    expect(referrerClass(referrer, 'shop.example')).toBe(expected);
  });

  it('treats a paid utm_medium as paid whatever the referrer', () => {
    expect(referrerClass('https://www.google.com/', 'shop.example', { utm_medium: 'cpc' })).toBe('paid');
  });
});

describe('deviceClass', () => {
  it('uses the pointer and width, never the user agent', () => {
    expect(deviceClass(false, 400)).toBe('desktop');
    expect(deviceClass(true, 400)).toBe('mobile');
    expect(deviceClass(true, 1000)).toBe('tablet');
  });
});

describe('templatePath', () => {
  it.each([
    ['/orders/1234567/edit', '/orders/:id/edit'],
    ['/u/3f2b8c1e-9d4a-4c1b-8e2f-0a1b2c3d4e5f', '/u/:id'],
    ['/invite/a1b2c3d4e5f60718293a', '/invite/:id'],
    ['/people/jane%40example.com', '/people/:id'],
    ['/pricing', '/pricing'],
    ['/blog/2026/launch', '/blog/2026/launch'],
  ])('templates %s as %s', (path, expected) => {
    expect(templatePath(path)).toBe(expected);
  });
});
