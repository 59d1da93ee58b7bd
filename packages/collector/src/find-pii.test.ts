import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { classifyPii, findPii, passesLuhn } from './find-pii';

describe('classifyPii', () => {
  it.each(['jane.doe@example.com', 'mailto:a.b+c@shop.co.uk', '/u/jane%40example.com'])('flags the email %s', (s) => {
    expect(classifyPii(s)).toBe('email');
  });

  it.each(['+44 20 7946 0958', '(555) 123-4567', '555-123-4567', '+1.555.123.4567', '06 12 34 56 78', '5551234567'])(
    'flags the phone number %s',
    (s) => expect(classifyPii(s)).toBe('phone'),
  );

  it.each(['4111 1111 1111 1111', '4111-1111-1111-1111', '5500005555555559', 'card 378282246310005'])('flags the card number %s', (s) => {
    expect(classifyPii(s)).toBe('card');
  });

  it.each([
    '/checkout',
    '#pay > button.primary',
    '[data-attune="plan-2"]',
    '/orders/12345678',
    '0190f3a2-7c4e-7b1d-9a3e-1f2d3c4b5a69',
    '2026-11-22',
    'rage_click',
    'v2.3.1',
    '@scope/pkg',
    '.btn_a8f3c1234567890',
    'a1234567890123456789b',
  ])('leaves the ordinary string %s alone', (s) => {
    expect(classifyPii(s)).toBeNull();
  });
});

describe('visitor ids', () => {
  it('never flags the 32-hex-digit random visitor ids the SDK mints', () => {
    // The shape of core's randomId(): 16 random bytes as hex. Many contain long decimal runs.
    const ids = Array.from({ length: 5000 }, () => randomBytes(16).toString('hex'));
    expect(ids.some((id) => /\d{10}/.test(id))).toBe(true);
    expect(ids.filter((id) => classifyPii(id) !== null)).toEqual([]);
  });
});

describe('passesLuhn', () => {
  it('accepts valid card checksums and rejects off-by-one digits', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(passesLuhn('')).toBe(false);
  });
});

describe('findPii', () => {
  it('returns the path of the first personal-looking string', () => {
    expect(findPii({ events: [{ target: '#ok' }, { utm: { utm_term: 'call 555-123-4567' } }] })).toEqual({
      path: '$.events[1].utm.utm_term',
      kind: 'phone',
    });
  });

  it('ignores numbers, which are counts and timestamps, not typed text', () => {
    expect(findPii({ ts: 1763800000000, value: 4111111111111111 })).toBeNull();
  });
});
