import { createServer, request, type Server } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, expect, type Page, type Locator } from '@playwright/test';

// The apps built by consumers/run.mjs from the packed tarballs, and the collector installed with them.
const dir = process.env.ATTUNE_CONSUMERS_DIR;
if (!dir) throw new Error('ATTUNE_CONSUMERS_DIR is not set: run this spec through `node consumers/run.mjs`');

// Vite (rollup) keeps a dynamic import's file name in its chunk's name; Next.js's webpack names chunks by id.
const APPS = {
  'Vite React-TS': { out: 'react-vite/dist', namedChunks: true },
  'Vite Vue-TS': { out: 'vue-vite/dist', namedChunks: true },
  'Next.js App Router': { out: 'next-app/out', namedChunks: false },
} as const;
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.txt': 'text/plain',
};

type Stored = Record<string, unknown> & { type: string };
interface Collector {
  url: string;
  close(): Promise<void>;
}

/**
 * A static server for one built app that forwards `/collect` to the collector, the way the
 * README's dev-server proxy recipe does, so the apps keep `endpoint: '/collect'`.
 */
const serveApp = async (root: string, collectorUrl: () => string): Promise<{ url: string; server: Server }> => {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/collect') {
      const target = new URL('/collect', collectorUrl());
      const forward = request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      });
      req.pipe(forward);
      return;
    }
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    const body = await readFile(file).catch(() => readFile(`${file}.html`).catch(() => null));
    if (!file.startsWith(root) || !body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'text/html' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return { url: `http://127.0.0.1:${address.port}`, server };
};

const rageClick = async (page: Page, target: Locator) => {
  const box = await target.boundingBox();
  if (!box) throw new Error('target is not visible');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  for (let i = 0; i < 5; i++) await page.mouse.click(x, y, { delay: 20 });
};

/** Every .js file an app's build wrote, by name. */
const builtScripts = async (root: string): Promise<string[]> =>
  (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.js')).map((f) => f.split('/').pop() as string);

for (const [name, { out, namedChunks }] of Object.entries(APPS)) {
  test(`${name}: a real rage click shows Attune's help, and the signal and the shown help reach the collector`, async ({ page }) => {
    const root = join(dir, out);
    const { startCollector, createMemoryStore } = await import(
      pathToFileURL(join(dir, 'node_modules/@attune/collector/dist/index.js')).href
    );
    const store = createMemoryStore();
    let collectorUrl = '';
    const app = await serveApp(root, () => collectorUrl);
    // The page's origin is the app server's: the collector allows exactly that one.
    const collector: Collector = await startCollector({ port: 0, store, allowedOrigins: [app.url] });
    collectorUrl = collector.url;
    try {
      await page.goto(`${app.url}/`);
      await expect(page.getByRole('heading', { name: 'Pricing' })).toBeVisible();
      await rageClick(page, page.locator('[data-attune="pricing"] .plan'));
      const card = page.getByRole('dialog', { name: 'Comparing plans?' });
      await expect(card).toBeVisible();
      await expect(card.getByText('Every plan has the same features')).toBeVisible();

      const events = async (type: string) => (await store.list({ type })) as Stored[];
      await expect.poll(async () => (await events('shown')).map((e) => e.rule), { timeout: 20_000 }).toContain('pricing-help');
      const signals = await events('signal');
      expect(signals.some((e) => e.signal === 'rage_click' && String(e.target).startsWith('pricing'))).toBe(true);

      if (namedChunks) {
        // The app's bundler kept Attune's lazy chunks apart, under recognisable names.
        const scripts = await builtScripts(root);
        expect(scripts.some((f) => f.startsWith('attune-widget'))).toBe(true);
        expect(scripts.some((f) => f.startsWith('attune-engine'))).toBe(true);
      }
    } finally {
      await new Promise((resolve) => app.server.close(resolve));
      await collector.close();
    }
  });
}
