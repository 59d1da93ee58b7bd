// Packs every publishable package of the workspace into one directory, as `pnpm publish` would
// (workspace:* ranges become versions), and returns { name: tarballPath }.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;

/** The publishable packages: every packages/* that is not private. */
export const packageDirs = () =>
  readdirSync(join(root, 'packages'))
    .map((dir) => ({
      dir: join(root, 'packages', dir),
      manifest: JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')),
    }))
    .filter(({ manifest }) => !manifest.private);

export const packAll = (destination) => {
  mkdirSync(destination, { recursive: true });
  const tarballs = {};
  for (const { dir, manifest } of packageDirs()) {
    const out = execFileSync('pnpm', ['pack', '--json', '--pack-destination', destination], { cwd: dir, encoding: 'utf8' });
    tarballs[manifest.name] = JSON.parse(out).filename;
  }
  return tarballs;
};
