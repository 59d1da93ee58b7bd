import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const pkg = fileURLToPath(new URL('..', import.meta.url));

/** A bundled bin: the file to pass to `node`, and how to delete it. */
export interface BuiltBin {
  file: string;
  remove(): void;
}

/**
 * Bundles src/bin.ts the way the published package runs it. The bundle sits inside the
 * package's node_modules so it resolves node-sqlite3-wasm and pg from there, with schema/
 * and package.json beside dist/ as in the published package, in a folder of its own so test files running
 * in parallel never share one.
 */
export async function buildBin(): Promise<BuiltBin> {
  const out = `${pkg}node_modules/.cache/attune-collector-test-${randomUUID()}`;
  mkdirSync(`${out}/schema`, { recursive: true });
  copyFileSync(`${pkg}schema/events.schema.json`, `${out}/schema/events.schema.json`);
  copyFileSync(`${pkg}package.json`, `${out}/package.json`);
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
  return { file: `${out}/dist/bin.js`, remove: () => rmSync(out, { recursive: true, force: true }) };
}
