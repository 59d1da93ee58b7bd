import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const pkg = fileURLToPath(new URL('..', import.meta.url));
// Inside the package's node_modules so the bundle resolves node-sqlite3-wasm and pg from there,
// with schema/ beside dist/ as in the published package.
const out = `${pkg}node_modules/.cache/attune-collector-test`;

/** Bundles src/bin.ts the way the published package runs it and returns the file to pass to `node`. */
export async function buildBin(): Promise<string> {
  mkdirSync(`${out}/schema`, { recursive: true });
  copyFileSync(`${pkg}schema/events.schema.json`, `${out}/schema/events.schema.json`);
  await build({
    entryPoints: [`${pkg}src/bin.ts`],
    outfile: `${out}/dist/bin.js`,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
  return `${out}/dist/bin.js`;
}
