#!/usr/bin/env node
// `pnpm bench:detection`: plays every session of the real-page corpus (e2e/real/) in one
// Chromium with Attune, posthog-js and @datadog/browser-rum, each on the same pages with the same
// real mouse and keyboard input, and once with no SDK for the state probes; prints precision and
// recall per signal per product, false signals and false help cards per calm session, page
// errors and probe mismatches. Figures only: nothing here passes or fails.
//
//   pnpm bench:detection [--attune-dist <dir>] [--products attune,posthog,datadog] [--pages a,b]
//                        [--max-minutes 25] [--concurrency 2]
// Sessions that would start after --max-minutes are skipped (and counted); --concurrency is how
// many of a session's variants (no SDK, then each product) play at once in the shared browser.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { startCollector, createMemoryStore } from '../packages/collector/dist/index.js';
import { startCorpusServer } from '../e2e/real/corpus-server.mjs';
import { CORPUS } from '../e2e/real/corpus.mjs';
import { attuneProduct, noProduct, playSession, starterRules } from '../e2e/real/play.mjs';
import { datadogProduct, posthogProduct } from './bench-detection/products.mjs';
import { formatScores, score } from './bench-detection/score.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    'attune-dist': { type: 'string', default: join(root, 'packages/attune/dist') },
    products: { type: 'string', default: 'attune,posthog,datadog' },
    pages: { type: 'string', default: '' },
    'max-minutes': { type: 'string', default: '25' },
    concurrency: { type: 'string', default: '2' },
  },
});
const started = Date.now();
const concurrency = Math.max(1, Number(values.concurrency) || 1);
const deadline = started + Number(values['max-minutes']) * 60_000;
const progress = (message) => process.stderr.write(`  … ${message}\n`);

const attuneDist = resolve(values['attune-dist']);
const server = await startCorpusServer({ attuneDist, rules: starterRules() });
const store = createMemoryStore();
const collector = await startCollector({ port: 0, store, allowedOrigins: [server.url], exposeEvents: true });
const makers = {
  attune: () => attuneProduct({ collector: { url: collector.url, events: () => store.list({}) } }),
  posthog: () => posthogProduct(server),
  datadog: () => datadogProduct(server),
};
const products = values.products
  .split(',')
  .filter((p) => makers[p])
  .map((p) => makers[p]());
const baseline = noProduct();
const wanted = values.pages ? values.pages.split(',') : null;
const corpus = CORPUS.filter((p) => !wanted || wanted.includes(p.name));

const browser = await chromium.launch({
  executablePath: [process.env.ATTUNE_CHROMIUM, '/usr/bin/chromium'].find(Boolean),
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-gpu'],
});
const browserVersion = browser.version();

const runs = [];
let skipped = 0;
try {
  for (const page of corpus) {
    for (const session of page.sessions) {
      if (Date.now() > deadline) {
        skipped++;
        continue;
      }
      progress(`${page.name}: ${session.name}`);
      const variants = [baseline, ...products];
      const played = [];
      for (let i = 0; i < variants.length; i += concurrency) {
        const batch = variants.slice(i, i + concurrency);
        const results = await Promise.all(
          batch.map((product) =>
            playSession({ browser, server, product, page, session, allowOrigins: [collector.url], quick: product === baseline }),
          ),
        );
        played.push(...results);
      }
      const [base, ...results] = played;
      const baseErrors = new Set(base.errors);
      results.forEach((run, i) => {
        const mismatches = run.steps
          .map((step, j) =>
            base.steps[j] && step.probe !== base.steps[j].probe ? `after "${step.name}": ${step.probe} ≠ ${base.steps[j].probe}` : null,
          )
          .filter(Boolean);
        if (base.steps.length !== run.steps.length)
          mismatches.push(`${run.steps.length} steps played, ${base.steps.length} without an SDK`);
        runs.push({
          page: page.name,
          session: session.name,
          mood: session.mood,
          product: products[i].name,
          steps: run.steps,
          errors: run.errors.filter((e) => !baseErrors.has(e)),
          baseErrors: base.errors,
          failed: run.failed ?? (base.failed ? `without an SDK: ${base.failed}` : undefined),
          mismatches,
        });
      });
    }
  }
} finally {
  await browser.close();
  await collector.close();
  await server.close();
}

const scores = score(runs);
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
const first = scores[0];
const out = [
  `Detection benchmark: ${corpus.length} real pages, ${first ? first.calmSessions + first.struggleSessions : 0} sessions per product (${first?.calmSessions ?? 0} calm, ${first?.struggleSessions ?? 0} struggle)${skipped ? `, ${skipped} skipped at the time limit` : ''}, ${minutes} min, Chromium ${browserVersion}`,
  `Attune from ${attuneDist}`,
  '',
  'Configured:',
  ...products.map((p) => `  ${p.name}: ${p.configured}`),
  `  (baseline) ${baseline.configured}`,
  '',
  ...formatScores(scores),
];
const shippedErrors = [...new Set(runs.flatMap((r) => r.baseErrors.map((e) => `${r.page}: ${e}`)))];
if (shippedErrors.length)
  out.push(
    '',
    'Page errors the pages raise on their own (no SDK), not counted against any product:',
    ...shippedErrors.map((e) => `  - ${e}`),
  );
console.log(out.join('\n'));
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(
  join(root, 'bench-results/bench-detection.json'),
  JSON.stringify({ date: new Date().toISOString(), attuneDist, scores, runs }, null, 2),
);
