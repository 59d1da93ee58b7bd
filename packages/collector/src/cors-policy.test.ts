import { describe, expect, it } from 'vitest';
import { createCorsPolicy } from './cors-policy';

describe('createCorsPolicy', () => {
  const cors = createCorsPolicy(['http://localhost:5173', 'https://shop.example']);

  it('allows listed origins and denies others', () => {
    expect(cors.judge('https://shop.example')).toBe('allowed');
    expect(cors.judge('https://evil.example')).toBe('denied');
    expect(cors.judge('null')).toBe('denied');
    expect(cors.judge(undefined)).toBe('absent');
  });

  it('compares scheme, host and port: the same host under another scheme or port is denied', () => {
    expect(cors.judge('https://localhost:5173')).toBe('denied');
    expect(cors.judge('http://shop.example')).toBe('denied');
    expect(cors.judge('https://shop.example:8443')).toBe('denied');
    expect(cors.judge('http://localhost:5174')).toBe('denied');
  });

  it('refuses a wildcard or a URL with a path in the allowlist', () => {
    expect(() => createCorsPolicy(['*'])).toThrow(/exact origins/);
    expect(() => createCorsPolicy(['https://*.example'])).toThrow(/exact origins/);
    expect(() => createCorsPolicy(['https://shop.example/app'])).toThrow(/not an origin/);
  });

  it('echoes the origin, never a wildcard, and varies on Origin', () => {
    expect(cors.headers('https://shop.example')).toEqual({
      'Access-Control-Allow-Origin': 'https://shop.example',
      'Access-Control-Expose-Headers': 'Retry-After',
      Vary: 'Origin',
    });
    expect(cors.preflightHeaders('https://shop.example')['Access-Control-Allow-Headers']).toBe('Content-Type');
  });
});
