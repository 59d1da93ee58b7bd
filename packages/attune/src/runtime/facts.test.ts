import { describe, expect, it } from 'vitest';
import { createConsent, createRecentSignals } from '@attune/core';
import { createFacts } from './facts';

const fakeWindow = (stage?: string) =>
  ({
    location: { href: 'https://shop.example/pricing?utm_source=news&email=a@b.c' },
    innerWidth: 1280,
    matchMedia: () => ({ matches: false }),
    document: {
      referrer: 'https://www.google.com/',
      documentElement: { lang: 'de', getAttribute: () => stage ?? null },
      body: { getAttribute: () => null },
    },
  }) as unknown as Window;

describe('createFacts', () => {
  it('gives the rules the page path (allowlisted query only), dwell, idle, device, locale, consent and the declared stage', () => {
    let now = 1_000;
    const facts = createFacts(fakeWindow('trial'), { rules: '/r.json' }, createConsent(), createRecentSignals(), () => now);
    now = 4_000;
    facts._input();
    now = 6_000;
    expect(facts._facts()).toMatchObject({
      page: { path: '/pricing', referrer: 'search', utm: { utm_source: 'news' } },
      dwell: 5_000,
      idle: 2_000,
      device: 'desktop',
      locale: 'de',
      stage: 'trial',
      consent: { measurement: 'pending', help: 'pending', profiling: 'pending' },
      visitor: { returning: false, visits: 1 },
    });
    facts._newPage();
    expect(facts._facts().dwell).toBe(0);
  });

  it('a stage set later outranks the declared one', () => {
    const facts = createFacts(fakeWindow('trial'), { rules: '/r.json' }, createConsent(), createRecentSignals(), () => 0);
    facts._stage = 'customer';
    expect(facts._facts().stage).toBe('customer');
  });
});
