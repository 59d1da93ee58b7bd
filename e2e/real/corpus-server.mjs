// The corpus's static server: every page under /real/<name>/ (with the product under test put in
// its <head>), the third-party libraries the pages use from node_modules under /npm/<package>/,
// Attune's bundles under /attune/, the rules file at /rules.json, and a sink for the SDKs' own
// traffic and their before-send hooks.
// Loopback only; nothing here reaches the network.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const corpusDir = join(root, 'e2e/real');

/** The only packages a corpus page may load from node_modules. */
const NPM = [
  'bootstrap',
  'bootstrap-icons',
  'jquery',
  'jquery-ui',
  'jquery-validation',
  'docsify',
  'posthog-js',
  '@datadog/browser-rum',
];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

const readBody = (req) =>
  new Promise((ok) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => ok(''));
  });

/**
 * Starts the corpus server.
 * @param {{ attuneDist: string, rules: string }} options
 *   `attuneDist`: the folder served at /attune/ (Attune's browser bundles); `rules`: the rules file
 *   served at /rules.json.
 * @returns {Promise<{ url: string, useHead(sdk: string, html: string): void, hooked(): object[], sinkHits(): number, close(): Promise<void> }>}
 *   `useHead(sdk, html)`: pages requested with the cookie `corpus-sdk=<sdk>` get `html` at the
 *   start of their <head> (the product under test); `hooked` lists what the SDKs' before-send
 *   hooks posted, oldest first.
 */
export const startCorpusServer = async ({ attuneDist, rules }) => {
  const heads = new Map();
  const hooked = [];
  let sinkHits = 0;
  const table = [
    ['/attune/', resolve(attuneDist)],
    ['/real/', corpusDir],
    ...NPM.map((name) => [`/npm/${name}/`, join(root, 'node_modules', name)]),
  ].sort((a, b) => b[0].length - a[0].length);

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'POST' && url.pathname === '/hook') {
      const body = await readBody(req);
      try {
        const record = JSON.parse(body);
        if (record && typeof record === 'object') hooked.push(record);
      } catch {
        // not a hook record: ignored
      }
      res.writeHead(204).end();
      return;
    }
    if (url.pathname.startsWith('/sink/')) {
      // The SDKs' own requests (PostHog's capture and flags calls, Datadog's intake through `proxy`).
      await readBody(req);
      sinkHits++;
      res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      res.end(url.pathname.includes('flags') || url.pathname.includes('decide') ? '{"featureFlags":{},"sessionRecording":false}' : '{"status":1}');
      return;
    }
    if (url.pathname === '/rules.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(rules);
      return;
    }
    let path = decodeURIComponent(url.pathname);
    if (path.endsWith('/')) path += 'index.html';
    const entry = table.find(([prefix]) => path.startsWith(prefix));
    if (!entry) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const [prefix, base] = entry;
    const file = normalize(join(base, path.slice(prefix.length)));
    if (!file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      let body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const sdk = /(?:^|;\s*)corpus-sdk=([\w-]+)/.exec(req.headers.cookie ?? '')?.[1];
      const head = sdk ? heads.get(sdk) : '';
      if (type.startsWith('text/html') && head && path !== '/real/away.html') {
        body = Buffer.from(body.toString('utf8').replace(/<head([^>]*)>/i, (m) => `${m}\n${head}`));
      }
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    useHead: (sdk, html) => heads.set(sdk, html),
    hooked: () => hooked.slice(),
    sinkHits: () => sinkHits,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
};
