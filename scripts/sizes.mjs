// Prints the minified and brotli-compressed size and the SRI hash of what browsers download:
// the script-tag bundle (every page) and the chunks it loads only when needed.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants } from 'node:zlib';

// The files browsers download, as the size budgets in package.json name them (one list, no drift).
export const ENTRIES = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))['size-limit'].map(
  ({ name, path }) => ({ name, file: path }),
);

export const measure = (file) => {
  const bytes = readFileSync(file);
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  // Subresource Integrity for <script integrity="…">: the same bytes the browser downloads.
  const integrity = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
  return { minified: bytes.length, brotli, integrity };
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = ENTRIES.map((e) => ({ ...e, ...measure(e.file) }));
  // kB of 1,000 bytes, as size-limit counts them.
  const kb = (n) => `${(n / 1000).toFixed(2)} kB`;
  console.log('\nBundle sizes');
  for (const r of rows) console.log(`  ${r.name.padEnd(52)} ${kb(r.minified).padStart(10)} min  ${kb(r.brotli).padStart(9)} brotli`);
  console.log('\nSubresource Integrity (integrity="…" on the script tag; the lazy chunks load by import() and cannot carry it)');
  for (const r of rows) console.log(`  ${r.file.split('/').pop().padEnd(20)} ${r.integrity}`);
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/sizes.json', `${JSON.stringify(rows, null, 2)}\n`);
}
