// A small static server for the examples: the landing page at /, Attune's
// browser bundles at /attune/, and (for tests) fixture pages at /e2e/.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Starts the example site.
 * @param {{ port?: number, host?: string, endpoint: () => string, mounts?: Record<string, string>, headers?: (path: string) => Record<string, string> }} options
 *   `endpoint` is written into every page's `data-endpoint`, so the pages send to the collector in use.
 */
export const startSiteServer = async ({ port = 0, host = '127.0.0.1', endpoint, mounts = {}, headers = () => ({}) }) => {
  const table = {
    '/attune/': join(root, 'packages/attune/dist'),
    '/': join(root, 'examples/landing'),
    ...mounts,
  };
  const prefixes = Object.keys(table).sort((a, b) => b.length - a.length);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let path = decodeURIComponent(url.pathname);
    if (path.endsWith('/')) path += 'index.html';
    const prefix = prefixes.find((p) => path.startsWith(p));
    const base = table[prefix];
    const file = normalize(join(base, path.slice(prefix.length)));
    if (!file.startsWith(base + sep) && file !== base) {
      res.writeHead(403).end();
      return;
    }
    try {
      let body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (type.startsWith('text/html')) {
        body = Buffer.from(body.toString('utf8').replace(/data-endpoint="[^"]*"/g, `data-endpoint="${endpoint()}"`));
      }
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...headers(path) });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(port, host, ok));
  const address = server.address();
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${address.port}`,
    port: address.port,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
};
