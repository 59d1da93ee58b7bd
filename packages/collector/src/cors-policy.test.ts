import { describe, expect, it } from 'vitest';
import { createCorsPolicy } from './cors-policy';

describe('createCorsPolicy', () => {
  const cors = createCorsPolicy(['http://localhost:5173', 'https://shop.example']);

  it('allows listed origins and denies others', () => {
    expect(cors.judge('https://shop.example', 'collector:8787')).toBe('allowed');
    expect(cors.judge('https://evil.example', 'collector:8787')).toBe('denied');
    expect(cors.judge('null', 'collector:8787')).toBe('denied');
  });

  it('allows a page on the collector’s own host and lets requests without Origin through', () => {
    expect(cors.judge('http://127.0.0.1:8787', '127.0.0.1:8787')).toBe('allowed');
    expect(cors.judge(undefined, '127.0.0.1:8787')).toBe('absent');
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
