// The consumer suite: packs every package, installs the tarballs into throwaway projects outside
// the workspace (a Vite React-TS app, a Vite Vue-TS app, a Next.js App Router app, Node ESM and
// CommonJS scripts, a TypeScript project on nodenext, every README TypeScript block), runs publint
// and attw on each tarball (as `pnpm test:packages` does), builds and
// type-checks each, then shows help after a real rage click in Chromium (consumers.spec.ts).
// Prints how long each step took. Run: `pnpm test:consumers` (after `pnpm build`).
//   ATTUNE_CONSUMERS_KEEP=1  keep the temp directory and print it
//   npm's cache (~/.npm, or npm_config_cache) is shared between runs: installs are offline when warm.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packAll, root } from './pack.mjs';
import { writeSnippets } from './snippets.mjs';
import { checkTarball } from './check-packages.mjs';

// The app toolchains a stranger installs today (pinned majors that run on Node 20).
const TOOLCHAIN = {
  react: '^19.2.0',
  'react-dom': '^19.2.0',
  vue: '^3.5.0',
  next: '~15.5.0',
  vite: '^7.3.0',
  '@vitejs/plugin-react': '^5.0.0',
  '@vitejs/plugin-vue': '^6.0.0',
  'vue-tsc': '^3.1.0',
  typescript: '~5.9.3',
  '@types/react': '^19.2.0',
  '@types/react-dom': '^19.2.0',
  '@types/node': '^20.19.0',
  // The collector's optional PostgreSQL store (its README shows it).
  pg: '^8.11.0',
  '@types/pg': '^8.11.0',
  // And its optional ClickHouse store.
  '@clickhouse/client': '^1.23.1',
};

const timings = [];
const step = async (name, work) => {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings.push([name, (performance.now() - started) / 1000]);
    console.log(`  ${name}: ${timings.at(-1)[1].toFixed(1)} s`);
  }
};

/** Runs a command; rejects with its output when it fails. */
const sh = (cwd, command, args, env = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} (in ${cwd}) exited ${code}\n${output}`)),
    );
  });

const bin = (dir, name) => join(dir, 'node_modules/.bin', name);

export const setUp = async (dir) => {
  const tarballs = await step('pack the tarballs', () => packAll(join(dir, 'tarballs')));
  const deps = Object.fromEntries(Object.entries(tarballs).map(([name, file]) => [name, `file:${file}`]));
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify(
      {
        name: 'attune-consumers',
        private: true,
        type: 'module',
        dependencies: { ...deps, ...TOOLCHAIN },
        // The tarballs depend on each other by version: point those at the tarballs too.
        overrides: Object.fromEntries(Object.keys(deps).map((name) => [name, `$${name}`])),
      },
      null,
      2,
    )}\n`,
  );
  for (const app of readdirSync(new URL('./apps', import.meta.url))) {
    if (app.endsWith('.json')) continue;
    cpSync(new URL(`./apps/${app}`, import.meta.url), join(dir, app), { recursive: true });
    const publicDir = ['react-vite', 'vue-vite', 'next-app'].includes(app) ? join(dir, app, 'public') : join(dir, app);
    cpSync(new URL('./apps/attune-rules.json', import.meta.url), join(publicDir, 'attune-rules.json'));
  }
  // The field's checkers run on the same tarballs while npm installs them.
  const [problems] = await Promise.all([
    step('publint + attw + README/LICENSE/metadata on every tarball', async () =>
      (await Promise.all(Object.entries(tarballs).map(([name, file]) => checkTarball(name, file)))).flat(),
    ),
    step('npm install (shared cache, offline when warm)', () =>
      sh(dir, 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error']),
    ),
  ]);
  if (problems.length) throw new Error(problems.map((p) => `✗ ${p}`).join('\n'));
};

export const buildAll = async (dir) => {
  const blocks = writeSnippets(join(dir, 'snippets'));
  // Two at a time: the machine has two cores.
  const jobs = [
    [
      'Vite React-TS: tsc + vite build',
      () => sh(join(dir, 'react-vite'), bin(dir, 'tsc'), ['-p', '.']).then(() => sh(join(dir, 'react-vite'), bin(dir, 'vite'), ['build'])),
    ],
    [
      'Vite Vue-TS: vue-tsc + vite build',
      () => sh(join(dir, 'vue-vite'), bin(dir, 'vue-tsc'), ['-p', '.']).then(() => sh(join(dir, 'vue-vite'), bin(dir, 'vite'), ['build'])),
    ],
    ['Next.js App Router: next build', () => sh(join(dir, 'next-app'), bin(dir, 'next'), ['build'], { NEXT_TELEMETRY_DISABLED: '1' })],
    ['TypeScript nodenext: tsc', () => sh(join(dir, 'ts-nodenext'), bin(dir, 'tsc'), ['-p', '.'])],
    [`README TypeScript blocks (${blocks.length}): tsc`, () => sh(join(dir, 'snippets'), bin(dir, 'tsc'), ['-p', '.'])],
    ['Node ESM script', () => sh(join(dir, 'node'), 'node', ['esm.mjs'])],
    ['Node CommonJS script', () => sh(join(dir, 'node'), 'node', ['cjs.cjs'])],
    [
      'npx @attune/cli --version / validate',
      async () => {
        // The last line: npx may print its own warnings first (under pnpm, about npm_config_* variables).
        const version = (await sh(dir, 'npx', ['--no-install', '@attune/cli', '--version'])).trim().split('\n').pop() ?? '';
        if (!/^\d+\.\d+\.\d+/.test(version)) throw new Error(`npx @attune/cli --version printed ${version}`);
        await sh(dir, 'npx', ['--no-install', '@attune/cli', 'validate', 'node/attune-rules.json']);
      },
    ],
  ];
  const failures = [];
  const queue = [...jobs];
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const [name, work] = job;
      await step(name, work).catch((error) => {
        failures.push(`✗ ${name}`);
        console.error(`✗ ${name}\n${error.message}`);
      });
    }
  };
  await Promise.all([worker(), worker()]);
  if (failures.length) throw new Error(`failed:\n${failures.join('\n')}`);
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'attune-consumers-'));
  let failed = false;
  try {
    console.log(`consumer suite in ${dir}`);
    await setUp(dir);
    await buildAll(dir);
    await step('Chromium: rage click shows help in React, Vue and Next apps', () =>
      sh(root, bin(root, 'playwright'), ['test', '-c', 'consumers/playwright.config.ts'], { ATTUNE_CONSUMERS_DIR: dir }),
    );
  } catch (error) {
    failed = true;
    console.error(error.message);
  } finally {
    const total = (performance.now() - started) / 1000;
    console.log(`\n${failed ? '✗' : '✓'} consumer suite: ${total.toFixed(1)} s`);
    for (const [name, seconds] of timings) console.log(`  ${seconds.toFixed(1).padStart(6)} s  ${name}`);
    if (process.env.ATTUNE_CONSUMERS_KEEP) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
    process.exitCode = failed ? 1 : 0;
  }
}
