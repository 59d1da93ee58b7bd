import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const pkg = fileURLToPath(new URL('..', import.meta.url));

/**
 * Bundles one TypeScript file of this package into a script `node` can run, inside the
 * package's node_modules so it resolves node-sqlite3-wasm from there.
 */
export async function buildScript(entry: string): Promise<{ file: string; remove(): void }> {
  const out = `${pkg}node_modules/.cache/attune-collector-script-${randomUUID()}`;
  await build({
    entryPoints: [`${pkg}${entry}`],
    outfile: `${out}/script.mjs`,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
  return { file: `${out}/script.mjs`, remove: () => rmSync(out, { recursive: true, force: true }) };
}
