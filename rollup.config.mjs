// One rollup factory for every package (floating-ui style). Each package's `build` script runs
// `rollup -c ../../rollup.config.mjs --configPackage <dir>` after `tsc -b`; `rollup -c` at the root
// builds every package. Per package it makes: the ESM library, its declarations bundled into one
// self-contained .d.ts per entry (valid under bundler, node16 and nodenext resolution), and for
// `attune` the minified script-tag IIFE plus the chunks it fetches.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import { dts } from 'rollup-plugin-dts';
import esbuild from 'rollup-plugin-esbuild';

// Paths are relative to the repository root, whichever directory rollup runs in.
const at = (path) => fileURLToPath(new URL(path, import.meta.url));
const readJson = (path) => JSON.parse(readFileSync(at(path), 'utf8'));
const pkg = (dir) => readJson(`packages/${dir}/package.json`);

// The one alias map for workspace packages: tsconfig.base.json "paths" (also read by vitest.config.ts).
export const workspaceAliases = Object.fromEntries(
  Object.entries(readJson('tsconfig.base.json').compilerOptions.paths).map(([name, [target]]) => [name, at(target)]),
);

// Everything a library depends on stays external; the app's bundler dedupes it.
const externalsOf = (dir) => {
  const p = pkg(dir);
  const names = [...Object.keys(p.dependencies ?? {}), ...Object.keys(p.peerDependencies ?? {})];
  return (id) => id.startsWith('node:') || names.some((n) => id === n || id.startsWith(`${n}/`));
};

const ts = (target, jsx = 'preact') =>
  esbuild({
    target,
    jsx: 'automatic',
    jsxImportSource: jsx,
    tsconfig: at(jsx === 'react' ? 'packages/react/tsconfig.json' : 'tsconfig.base.json'),
  });

// `_private` fields are mangled with one shared name cache so every bundle agrees on the names.
// mangle.json is curated by hand (never written by the build): `reserved` lists the `_` names that
// must keep their spelling (browser and third-party APIs); `props` pins the names that cross
// bundles. Any other `_` field gets a name from the same in-memory cache, shared by every bundle
// of one build.
const mangleFile = readJson('mangle.json');
const nameCache = { props: { props: { ...mangleFile.props } } };
const minify = (preamble) =>
  terser({
    ecma: 2020,
    module: true,
    nameCache,
    compress: { passes: 2, pure_getters: true },
    mangle: { properties: { regex: /^_/, reserved: mangleFile.reserved } },
    format: { comments: false, preamble },
  });

// Dependencies (nanostores, preact) keep dev-only checks behind process.env.NODE_ENV; the browser
// bundles users download are production builds.
const production = replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } });

// Declarations come from `tsc -b` (each package's build script runs it first). A package build
// without them fails; `rollup -c` at the root (the quick way to rebuild every bundle for the e2e
// tests) skips the .d.ts of packages not yet type-built, and says so.
let strictTypes = false;
const declarations = (dir, file) => {
  const path = at(`packages/${dir}/build/types/${file.replace(/^src\//, '').replace(/\.tsx?$/, '.d.ts')}`);
  if (existsSync(path)) return path;
  const message = `${path} is missing: run \`tsc -b packages/${dir}\` first (each package's \`build\` script does)`;
  if (strictTypes) throw new Error(message);
  console.warn(`(skipping the .d.ts of ${dir}) ${message}`);
  return null;
};

/** The ESM library of one package, with lazy imports as named chunks and its bundled types. */
const library = (dir, { entries = { index: 'src/index.ts' }, jsx, banner, chunks } = {}) => [
  {
    input: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, at(`packages/${dir}/${file}`)])),
    external: externalsOf(dir),
    plugins: [ts(dir === 'cli' || dir === 'collector' ? 'node20' : 'es2020', jsx)],
    // A banner keeps `'use client'` at the very top of the React entry (rollup drops module directives).
    onwarn: (warning, warn) => (warning.code === 'MODULE_LEVEL_DIRECTIVE' ? undefined : warn(warning)),
    output: {
      dir: at(`packages/${dir}/dist`),
      format: 'es',
      sourcemap: true,
      banner,
      entryFileNames: '[name].js',
      // Lazy chunks keep a recognisable name in the app's bundle (`attune-engine-[hash].js`).
      chunkFileNames: chunks ?? '[name].js',
    },
  },
  ...(dir === 'cli' || Object.values(entries).some((file) => !declarations(dir, file))
    ? []
    : [
        {
          // tsc -b emits per-file declarations into build/types; this bundles them per entry.
          input: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, declarations(dir, file)])),
          external: externalsOf(dir),
          plugins: [dts({ respectExternal: false })],
          output: { dir: at(`packages/${dir}/dist`), format: 'es', entryFileNames: '[name].d.ts' },
        },
      ]),
];

// Browser bundles compile the workspace packages from source, so unused modules shake out.
const workspaceSources = {
  name: 'workspace-sources',
  resolveId: (id) => (/^@attune\/(rules|core|widget)$/.test(id) ? workspaceAliases[id] : null),
};

const browserBundle = (input, file, format = 'es', preamble, extra = []) => ({
  input: at(input),
  plugins: [production, workspaceSources, nodeResolve({ browser: true }), ts('es2020'), minify(preamble), ...extra],
  output: { file: at(file), format, sourcemap: true },
});

// The optional pre-load snippet ships next to attune.js.
const snippet = {
  name: 'attune-snippet',
  generateBundle() {
    this.emitFile({
      type: 'asset',
      fileName: 'attune-snippet.js',
      source: readFileSync(at('packages/attune/snippet/attune-snippet.js'), 'utf8'),
    });
    // Types for `import 'attune/attune.js'`: the module exports nothing and defines the global.
    this.emitFile({ type: 'asset', fileName: 'attune.d.ts', source: SCRIPT_TAG_TYPES });
  },
};

const SCRIPT_TAG_TYPES = `// attune.js, the script-tag build: running it defines the global \`attune\`, callable
// (\`attune('flush')\`) and with the same methods as createAttune's instance.
import type { Attune } from './index.js';

declare global {
  var attune: Attune & ((method: string, ...args: unknown[]) => Promise<unknown>);
}

export {};
`;

// The chunks attune.js fetches by URL (`attune-<name>.js` next to it), each built standalone.
// Inputs live in one table so moving a source file is a one-line change.
const SCRIPT_TAG = 'packages/attune/src/script-tag.ts';
const SCRIPT_CHUNKS = {
  send: 'packages/attune/src/chunks/send.ts', // the sending half of the event pipe
  forms: 'packages/attune/src/chunks/forms.ts', // the form and weak-signal detectors, at idle
  vitals: 'packages/attune/src/chunks/vitals.ts', // web-vitals, for sampled page views only
  consent: 'packages/attune/src/chunks/consent.ts', // consent adapters, for data-consent-mode
};

// A script-tag chunk with lazy parts of its own, written next to it as `<chunks>` (`[name]`: the module's name).
const splitBundle = (input, entry, chunks) => ({
  ...browserBundle(input, `packages/attune/dist/${entry}`),
  preserveEntrySignatures: 'allow-extension',
  output: { dir: at('packages/attune/dist'), entryFileNames: entry, chunkFileNames: chunks, format: 'es', sourcemap: true },
});

const PACKAGES = {
  rules: () => library('rules'),
  core: () => library('core'),
  // Named after what it is, so an app's bundler names its lazy chunk `attune-widget-[hash].js`.
  widget: () => library('widget', { entries: { 'attune-widget': 'src/index.tsx' } }),
  attune: () => [
    ...library('attune', { chunks: 'lib/attune-[name].js' }),
    // The script tag: one global, no code splitting. V8's explicit compile hint (Chrome 136+)
    // compiles every function while the script streams, off the main thread.
    browserBundle(SCRIPT_TAG, 'packages/attune/dist/attune.js', 'iife', '//# allFunctionsCalledOnLoad', [snippet]),
    ...Object.entries(SCRIPT_CHUNKS).map(([name, input]) => browserBundle(input, `packages/attune/dist/attune-${name}.js`)),
    // The rules engine, on the first signal of struggle; its regex matcher (attune-regex.js) only
    // for rules files that use `regex`, its chat adapters (attune-handoff.js) when a handoff opens a chat.
    splitBundle('packages/attune/src/chunks/engine.ts', 'attune-engine.js', 'attune-[name].js'),
    // The widget, Preact included. Each language's interface strings (attune-widget-de.js, …) and the
    // question view (attune-widget-ask-question.js) are chunks of their own, fetched with the card
    // that needs them; they import Preact from the widget chunk itself (no facade, no shared chunk).
    splitBundle('packages/widget/src/index.tsx', 'attune-widget.js', 'attune-widget-[name].js'),
  ],
  react: () => library('react', { entries: { index: 'src/index.tsx' }, jsx: 'react', banner: "'use client';" }),
  vue: () => library('vue'),
  cli: () => library('cli', { entries: { cli: 'src/cli.ts' } }),
  collector: () => library('collector', { entries: { index: 'src/index.ts', bin: 'src/bin.ts' } }),
};

export default (args) => {
  const only = args.configPackage;
  if (only !== undefined && !PACKAGES[only])
    throw new Error(`--configPackage ${only}: no such package (${Object.keys(PACKAGES).join(', ')})`);
  delete args.configPackage;
  strictTypes = only !== undefined;
  return only ? PACKAGES[only]() : Object.values(PACKAGES).flatMap((build) => build());
};
