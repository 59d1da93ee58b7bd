// Every TypeScript code block (```ts, ```tsx) of the README and the package READMEs, written as
// one module each, so `tsc` can check them against the installed tarballs.
import { mkdirSync, readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './pack.mjs';

export const readmes = () => [
  'README.md',
  ...readdirSync(join(root, 'packages'))
    .map((dir) => `packages/${dir}/README.md`)
    .filter((file) => existsSync(join(root, file))),
];

/** `{ file, line, lang, code }` for every ts/tsx block of `text`. */
export const codeBlocks = (file, text) => {
  const blocks = [];
  const fence = /^```(ts|tsx|typescript)\s*$([\s\S]*?)^```\s*$/gm;
  for (const match of text.matchAll(fence)) {
    const line = text.slice(0, match.index).split('\n').length;
    blocks.push({ file, line, lang: match[1] === 'tsx' ? 'tsx' : 'ts', code: match[2].replace(/^\n/, '') });
  }
  return blocks;
};

/** Writes the snippets into `dir` with a tsconfig; returns the blocks (with their file names). */
export const writeSnippets = (dir) => {
  mkdirSync(join(dir, 'src'), { recursive: true });
  const blocks = readmes().flatMap((file) => codeBlocks(file, readFileSync(join(root, file), 'utf8')));
  for (const block of blocks) {
    block.out = `src/${block.file.replaceAll('/', '_').replace(/\.md$/, '')}_L${block.line}.${block.lang}`;
    // `export {}` keeps each block a module of its own, as it would be in an app.
    writeFileSync(join(dir, block.out), `${block.code}\nexport {};\n`);
  }
  // What every Vite + Vue app has: the type of a .vue import.
  writeFileSync(
    join(dir, 'src/vue-shim.d.ts'),
    "declare module '*.vue' {\n  import type { DefineComponent } from 'vue';\n  const component: DefineComponent;\n  export default component;\n}\n",
  );
  writeFileSync(
    join(dir, 'tsconfig.json'),
    `${JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'bundler',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          types: ['node'],
          jsx: 'react-jsx',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          isolatedModules: true,
        },
        include: ['src'],
      },
      null,
      2,
    )}\n`,
  );
  return blocks;
};
