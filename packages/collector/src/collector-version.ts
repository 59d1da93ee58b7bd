import { readFileSync } from 'node:fs';

/**
 * This package's version, from its package.json (one level above src/ in
 * tests and above dist/ when built, as with the wire schema).
 *
 * @example
 * ```ts
 * collectorVersion(); // → '0.1.0'
 * ```
 */
export function collectorVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  if (typeof pkg.version !== 'string') throw new Error('package.json has no version');
  return pkg.version;
}
