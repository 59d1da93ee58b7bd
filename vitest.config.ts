import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    // Unit tests run against sources, so they need no build first.
    alias: {
      '@attune/rules': src('rules'),
      '@attune/core': src('core'),
      '@attune/collector': src('collector'),
      '@attune/widget': fileURLToPath(new URL('./packages/widget/src/index.tsx', import.meta.url)),
    },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'scripts/**/*.test.mjs'],
    environment: 'node',
  },
});
