import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import vue from '@vitejs/plugin-vue';

/** Client-side routes that also get their own `index.html`, so a reload works on any static host. */
const ROUTES = ['pricing', 'signup'];

const staticRoutes = (): Plugin => ({
  name: 'fernwood-static-routes',
  apply: 'build',
  async writeBundle(options) {
    const dir = options.dir ?? 'dist';
    for (const route of ROUTES) {
      await mkdir(join(dir, route), { recursive: true });
      await copyFile(join(dir, 'index.html'), join(dir, route, 'index.html'));
    }
  },
});

export default defineConfig({
  base: '/vue/',
  plugins: [vue(), staticRoutes()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
