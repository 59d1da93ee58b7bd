import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { addressKey, createClientAddress } from './client-address';

const request = (remoteAddress: string, forwarded?: string) =>
  ({ socket: { remoteAddress }, headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } }) as unknown as IncomingMessage;

describe('addressKey', () => {
  it('keeps an IPv4 address, also written IPv4-mapped', () => {
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
  });

  it('keys IPv6 by its /64, however it is written, so a host cannot rotate through its own addresses', () => {
    expect(addressKey('2001:db8:1:2::1')).toBe('2001:0db8:0001:0002::/64');
    expect(addressKey('2001:DB8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:0db8:0001:0002::/64');
    expect(addressKey('2001:db8:1:3::1')).toBe('2001:0db8:0001:0003::/64');
    expect(addressKey('::1')).toBe('0000:0000:0000:0000::/64');
  });

  it('answers null for what is not an address', () => {
    expect(addressKey('evil')).toBeNull();
    expect(addressKey('1.2.3.4:80')).toBeNull();
    expect(addressKey('')).toBeNull();
  });
});

describe('createClientAddress', () => {
  it('uses the peer address and ignores X-Forwarded-For unless told to trust a proxy', () => {
    expect(createClientAddress()(request('10.0.0.5', '6.6.6.6'))).toBe('10.0.0.5');
  });

  it('behind n proxies takes the n-th entry from the right, whatever the client wrote before it', () => {
    expect(createClientAddress(true)(request('10.0.0.5', '6.6.6.6, 203.0.113.9'))).toBe('203.0.113.9');
    expect(createClientAddress(2)(request('10.0.0.5', '6.6.6.6, 203.0.113.9, 10.0.0.7'))).toBe('203.0.113.9');
  });

  it('falls back to the peer when the header is missing, short of entries or not an address there', () => {
    const one = createClientAddress(true);
    expect(one(request('10.0.0.5'))).toBe('10.0.0.5');
    expect(one(request('10.0.0.5', 'not-an-ip'))).toBe('10.0.0.5');
    expect(createClientAddress(3)(request('10.0.0.5', '6.6.6.6, 203.0.113.9'))).toBe('10.0.0.5');
  });

  it('refuses a proxy count that is not a whole number', () => {
    expect(() => createClientAddress(1.5)).toThrow(/trustProxy/);
    expect(() => createClientAddress(-1)).toThrow(/trustProxy/);
  });
});
