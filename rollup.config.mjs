// One rollup factory for every package: ESM libraries (types come from `tsc -b`),
// the minified IIFE that the script tag loads, and the lazily imported widget chunk.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

const pkg = (dir) => JSON.parse(readFileSync(`packages/${dir}/package.json`, 'utf8'));

// Everything a library depends on stays external in its ESM build; the app's bundler dedupes it.
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
    tsconfig: jsx === 'react' ? 'packages/react/tsconfig.json' : 'tsconfig.base.json',
  });

// `_private` fields are mangled with one shared name cache so every bundle agrees on the names.
const mangleFile = 'mangle.json';
const nameCache = existsSync(mangleFile) ? JSON.parse(readFileSync(mangleFile, 'utf8')) : {};
const minify = (preamble) => ({
  ...terser({
    ecma: 2020,
    module: true,
    nameCache,
    compress: { passes: 2, pure_getters: true },
    mangle: { properties: { regex: /^_/ } },
    format: { comments: false, preamble },
  }),
  name: 'terser-shared-cache',
  writeBundle() {
    writeFileSync(mangleFile, `${JSON.stringify(nameCache, null, 2)}\n`);
  },
});

// Dev-only warnings sit behind __DEV__; the browser bundles users get are built with it false.
const env = (dev) =>
  replace({
    preventAssignment: true,
    values: { __DEV__: JSON.stringify(dev), 'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production') },
  });

const library = (dir, input = 'src/index.ts', jsx) => ({
  input: { index: `packages/${dir}/${input}` },
  external: externalsOf(dir),
  plugins: [env(false), ts('es2020', jsx)],
  // Lazy imports (the attune package's rules engine) become chunks next to index.js.
  output: { dir: `packages/${dir}/dist`, format: 'es', sourcemap: true, entryFileNames: '[name].js', chunkFileNames: '[name].js' },
});

const node = (dir, inputs) => ({
  input: Object.fromEntries(inputs.map((i) => [i, `packages/${dir}/src/${i}.ts`])),
  external: externalsOf(dir),
  plugins: [nodeResolve({ preferBuiltins: true }), ts('node20')],
  output: { dir: `packages/${dir}/dist`, format: 'es', sourcemap: true, entryFileNames: '[name].js' },
});

// Browser bundles compile the workspace packages from source, so unused modules shake out.
const workspaceSources = {
  name: 'workspace-sources',
  resolveId(id) {
    const match = /^@attune\/(rules|core|widget)$/.exec(id);
    if (!match) return null;
    const dir = `packages/${match[1]}/src`;
    return existsSync(`${dir}/index.ts`) ? `${dir}/index.ts` : `${dir}/index.tsx`;
  },
};

const browserBundle = (input, output, extra = [], preamble) => ({
  input,
  plugins: [env(false), workspaceSources, nodeResolve({ browser: true }), ts('es2020'), minify(preamble), ...extra],
  output,
});

// The optional pre-load snippet ships next to attune.js.
const snippet = {
  name: 'attune-snippet',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'attune-snippet.js', source: readFileSync('packages/attune/snippet/attune-snippet.js', 'utf8') });
  },
};

const builds = [
  library('rules'),
  library('core'),
  library('widget', 'src/index.tsx'),
  library('attune'),
  library('react', 'src/index.tsx', 'react'),
  library('vue'),
  node('cli', ['cli']),
  node('collector', ['index', 'bin']),
  // The script-tag bundle: one global, no code splitting; the widget is fetched with a
  // native dynamic import() of a URL resolved against the script's own src.
  browserBundle(
    'packages/attune/src/script-tag.ts',
    { file: 'packages/attune/dist/attune.js', format: 'iife', sourcemap: true },
    [snippet],
    // V8's explicit compile hint (Chrome 136+): compile every function while the script streams,
    // off the main thread, instead of lazily on it. A loading page then pays only the script's
    // top-level run; the runtime's functions, which start at idle, are already compiled.
    '//# allFunctionsCalledOnLoad',
  ),
  // The rules engine, fetched by attune.js on the first signal of struggle.
  browserBundle('packages/attune/src/chunks/engine.ts', {
    file: 'packages/attune/dist/attune-engine.js',
    format: 'es',
    sourcemap: true,
  }),
  // The sending half of the event pipe, fetched by attune.js once there is something to send.
  browserBundle('packages/attune/src/chunks/send.ts', {
    file: 'packages/attune/dist/attune-send.js',
    format: 'es',
    sourcemap: true,
  }),
  // The form detectors, fetched by attune.js on pages with form fields.
  browserBundle('packages/attune/src/chunks/forms.ts', {
    file: 'packages/attune/dist/attune-forms.js',
    format: 'es',
    sourcemap: true,
  }),
  // The web-vitals chunk, fetched by attune.js once the page is idle, for sampled page views only.
  browserBundle('packages/attune/src/chunks/vitals.ts', {
    file: 'packages/attune/dist/attune-vitals.js',
    format: 'es',
    sourcemap: true,
  }),
  // The chat adapters, fetched by the engine only when a visitor's handoff opens a chat widget.
  browserBundle('packages/attune/src/chunks/handoff.ts', {
    file: 'packages/attune/dist/attune-handoff.js',
    format: 'es',
    sourcemap: true,
  }),
  // The consent-adapter chunk, for sites that set data-consent-mode.
  browserBundle('packages/attune/src/chunks/consent.ts', {
    file: 'packages/attune/dist/attune-consent.js',
    format: 'es',
    sourcemap: true,
  }),
  // The widget chunk, Preact included, as a standalone ES module next to attune.js.
  // Each language's interface strings (attune-widget-de.js, …) and the question view
  // (attune-widget-ask-question.js) are chunks of their own, fetched with the card that needs them;
  // they import Preact from the widget chunk itself (no facade, no shared chunk).
  {
    ...browserBundle('packages/widget/src/index.tsx', {
      dir: 'packages/attune/dist',
      entryFileNames: 'attune-widget.js',
      chunkFileNames: 'attune-widget-[name].js',
      format: 'es',
      sourcemap: true,
    }),
    preserveEntrySignatures: 'allow-extension',
  },
];

// ATTUNE_BUILD_ONLY=widget,attune.js builds only the outputs whose path contains one of the words (for quick iteration).
const only = process.env.ATTUNE_BUILD_ONLY?.split(',').filter(Boolean);
const outputsOf = (b) => JSON.stringify(b.output);
export default only ? builds.filter((b) => only.some((w) => outputsOf(b).includes(w))) : builds;
