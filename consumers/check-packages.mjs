// The field's checkers on every packed tarball: publint (--strict: warnings fail too) and
// @arethetypeswrong/cli, plus what a registry page needs (README, LICENSE, metadata).
// Exits 1 on any problem. Run: `pnpm test:packages`.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packAll, root } from './pack.mjs';

// Attune ships ESM only. `require()` of it works on Node >= 20.19 (require(esm), our `engines`),
// so attw's "CommonJS must use a dynamic import" is accepted; node10 resolution (no `exports`)
// is not a supported consumer. The script-tag chunks are files a page fetches by URL, not modules
// anyone imports, so they carry no types.
const ATTW_ARGS = ['--profile', 'node16', '--ignore-rules', 'cjs-resolves-to-esm', '--format', 'ascii'];
const SERVED_FILES = [
  'attune-snippet.js',
  'attune-engine.js',
  'attune-send.js',
  'attune-forms.js',
  'attune-vitals.js',
  'attune-consent.js',
  'attune-widget.js',
].map((f) => `./${f}`);
const bin = (name) => join(root, 'node_modules/.bin', name);
const run = (file, args) =>
  new Promise((resolve) =>
    execFile(file, args, { encoding: 'utf8' }, (error, stdout, stderr) =>
      resolve({ status: error ? (error.code ?? 1) : 0, stdout, stderr }),
    ),
  );

export const checkTarball = async (name, tarball) => {
  const problems = [];
  const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
  for (const required of ['package/README.md', 'package/LICENSE', 'package/package.json']) {
    if (!files.includes(required)) problems.push(`${name}: the tarball has no ${required.slice('package/'.length)}`);
  }
  const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
  for (const field of ['license', 'repository', 'engines', 'files', 'description']) {
    if (!manifest[field]) problems.push(`${name}: package.json has no "${field}"`);
  }
  if (JSON.stringify(manifest).includes('workspace:')) problems.push(`${name}: package.json still has a workspace: range`);

  const publint = await run(bin('publint'), ['run', tarball, '--strict', '--pack', 'false']);
  if (publint.status !== 0 || !/All good/.test(publint.stdout)) problems.push(`${name}: publint\n${publint.stdout}${publint.stderr}`);

  if (manifest.types || manifest.exports) {
    const exclude = name === 'attune' ? ['--exclude-entrypoints', ...SERVED_FILES] : [];
    const attw = await run(bin('attw'), [tarball, ...ATTW_ARGS, ...exclude]);
    if (attw.status !== 0) problems.push(`${name}: @arethetypeswrong/cli\n${attw.stdout}${attw.stderr}`);
  }
  return problems;
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'attune-pack-'));
  try {
    const tarballs = packAll(dir);
    const problems = (await Promise.all(Object.entries(tarballs).map(([name, tarball]) => checkTarball(name, tarball)))).flat();
    for (const p of problems) console.error(`✗ ${p}`);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `${problems.length ? '✗' : '✓'} publint + attw + README/LICENSE/metadata on ${Object.keys(tarballs).length} tarballs (${seconds} s)`,
    );
    process.exitCode = problems.length ? 1 : 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
