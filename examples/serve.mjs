// The demo: the example site and the reference collector, side by side.
// Usage: node examples/serve.mjs [--port 5173] [--collector-port 8787]
import { parseArgs } from 'node:util';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startCollector } from '../packages/collector/dist/index.js';
import { startSiteServer } from './site-server.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '5173' },
    'collector-port': { type: 'string', default: process.env.COLLECTOR_PORT ?? '8787' },
    db: { type: 'string', default: '.data/attune.sqlite' },
  },
});
const host = '127.0.0.1';
const sitePort = Number(values.port);
const siteOrigins = [`http://localhost:${sitePort}`, `http://${host}:${sitePort}`];

mkdirSync('.data', { recursive: true });
const collector = await startCollector({
  port: Number(values['collector-port']),
  host,
  dbFile: values.db,
  allowedOrigins: siteOrigins,
  exposeEvents: true,
  report: true,
});
const site = await startSiteServer({
  port: sitePort,
  host,
  endpoint: () => `${collector.url}/collect`,
  mounts: {
    '/react/': fileURLToPath(new URL('./react-app/dist', import.meta.url)),
    '/vue/': fileURLToPath(new URL('./vue-app/dist', import.meta.url)),
  },
});

console.log(`
  Attune demo is running.

  Landing page (script tag):  http://localhost:${site.port}/
  React app (@attune/react):  http://localhost:${site.port}/react/
  Vue app (@attune/vue):      http://localhost:${site.port}/vue/
  Collector endpoint:         ${collector.url}/collect
  Events received:            ${collector.url}/events
  Friction report:            ${collector.url}/report

  Accept the consent banner, then click the pricing table rapidly a few times.
  Press Ctrl+C to stop.
`);

const stop = async () => {
  await site.close();
  await collector.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
