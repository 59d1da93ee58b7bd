// Page cost in Chromium at 4x CPU throttling: the example landing page served with and without
// Attune (and with the web-vitals chunk loaded at idle), the same scripted 50-interaction visit
// in each, variants interleaved, each repeated; figures are per run, summarised as medians.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { createMemoryStore, startCollector } from '../../packages/collector/dist/index.js';
import { startSiteServer } from '../../examples/site-server.mjs';
import { startCountingProxy } from './counting-proxy.mjs';
import { median } from './median.mjs';
import { attuneProfileMs, attuneTiming, attuneTracedBeforeLoad } from './profile-share.mjs';
import { visit } from './visit.mjs';
import { withoutAttune, withVitals } from './page-variants.mjs';

const landing = fileURLToPath(new URL('../../examples/landing', import.meta.url));
const observersScript = readFileSync(new URL('./page-observers.js', import.meta.url), 'utf8');
const handlerTimerScript = readFileSync(new URL('./handler-timer.js', import.meta.url), 'utf8');

/** Copies of the landing page: `/bare/` without Attune, `/vitals/` with Attune and the vitals chunk. */
const writeVariants = () => {
  const dir = mkdtempSync(join(tmpdir(), 'attune-bench-site-'));
  const html = readFileSync(join(landing, 'index.html'), 'utf8');
  cpSync(landing, join(dir, 'bare'), { recursive: true });
  writeFileSync(join(dir, 'bare', 'index.html'), withoutAttune(html));
  cpSync(landing, join(dir, 'vitals'), { recursive: true });
  writeFileSync(join(dir, 'vitals', 'index.html'), withVitals(html));
  return dir;
};

export const LAUNCH_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

// The handler-timing runs are not profiled: the sampler would add to the times they measure.
const stopProfile = async (cdp, on) => (on ? (await cdp.send('Profiler.stop')).profile : null);
// Main-thread tasks and the load event, for where Attune's profiled time falls (one trace at a time per browser).
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];
const startProfile = async (cdp, on) => {
  if (!on) return;
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
};

const metricsOf = async (cdp) => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));

/** One page view: load, settle, the scripted visit, settle, leave (so page-hide beacons go too). */
const runOnce = async (browser, { url, proxy, throttle, timeHandlers }) => {
  const started = performance.now();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(observersScript);
  if (timeHandlers) await context.addInitScript(handlerTimerScript);
  const attuneFiles = [];
  proxy.take();
  context.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/attune/')) attuneFiles.push(path.slice('/attune/'.length));
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await cdp.send('Performance.enable');
  await cdp.send('Profiler.enable');
  if (!timeHandlers) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  await startProfile(cdp, !timeHandlers);

  await page.goto(url, { waitUntil: 'load' });
  // Attune starts after load (rules fetch, storage): give every variant the same quiet time.
  await page.waitForTimeout(2000);
  const atLoad = await metricsOf(cdp);
  const loadProfile = await stopProfile(cdp, !timeHandlers);
  const attuneMsAtLoad = loadProfile && attuneProfileMs(loadProfile);
  const timing = loadProfile && attuneTiming(loadProfile, JSON.parse((await browser.stopTracing()).toString()).traceEvents);
  await startProfile(cdp, !timeHandlers);
  const loadLongTasks = await page.evaluate(() => window.__bench.longTasks());

  await page.evaluate(() => window.__bench.startVisit());
  const visitStarted = performance.now();
  const interactions = await visit(page);
  const visitSeconds = (performance.now() - visitStarted) / 1000;
  // Let help appear, decisions run and timers fire.
  await page.waitForTimeout(1500);
  const atEnd = await metricsOf(cdp);
  const visitProfile = await stopProfile(cdp, !timeHandlers);
  const attuneMsVisit = visitProfile && attuneProfileMs(visitProfile);
  const inPage = await page.evaluate(() => window.__bench.summary());
  const vitals = await page.evaluate(() => window.__vitals ?? null);

  // Leaving the page sends what is left (keepalive fetch or beacon on page hide).
  await page.goto('about:blank');
  await page.waitForTimeout(500);
  await context.close();
  const sent = proxy.take();
  return {
    scriptMsAtLoad: atLoad.ScriptDuration * 1000,
    taskMsAtLoad: atLoad.TaskDuration * 1000,
    attuneMsAtLoad,
    attuneMsBeforeLoad: timing?.beforeLoadMs ?? null,
    attuneTracedMsBeforeLoad: timing?.tracedBeforeLoadMs ?? null,
    attuneMsAfterLoad: timing?.afterLoadMs ?? null,
    attuneMaxTaskMs: timing?.maxTaskShareMs ?? null,
    longTasksWithAttune: timing?.longTasksWithAttune ?? null,
    longTasksAddedByAttune: timing?.longTasksAdded ?? null,
    layoutMsAtLoad: atLoad.LayoutDuration * 1000,
    longTasksAtLoad: loadLongTasks.count,
    longTaskMsAtLoad: loadLongTasks.ms,
    scriptMsVisit: (atEnd.ScriptDuration - atLoad.ScriptDuration) * 1000,
    taskMsVisit: (atEnd.TaskDuration - atLoad.TaskDuration) * 1000,
    attuneMsVisit,
    longTasksVisit: inPage.longTasksVisit,
    interactionsScripted: interactions,
    interactionsSeen: inPage.interactionCount,
    inp: inPage.inp,
    maxInteraction: inPage.maxInteraction,
    cls: inPage.cls,
    helpShown: inPage.helpShown,
    requestsToCollector: sent.posts,
    bytesToCollector: sent.bytes,
    attuneFiles,
    vitals,
    visitSeconds: +visitSeconds.toFixed(1),
    runSeconds: +((performance.now() - started) / 1000).toFixed(1),
    handlers: inPage.handlers,
  };
};

/**
 * One load of a page, traced but not profiled (the sampler adds to what it samples) and with no
 * visit: Attune's own main-thread time before the load event (wall and thread time, `null` without
 * Attune), and the page's script time from load to 2 s after it, when Attune's start-up runs.
 */
const loadOnce = async (browser, { url, throttle }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await cdp.send('Performance.enable');
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  await page.goto(url, { waitUntil: 'load' });
  const atLoad = await metricsOf(cdp);
  await page.waitForTimeout(2000);
  const after = await metricsOf(cdp);
  const beforeLoad = attuneTracedBeforeLoad(JSON.parse((await browser.stopTracing()).toString()).traceEvents);
  await context.close();
  // Script time at load varies by several ms between identical loads; the time after load,
  // measured within each load, is the steadier comparison.
  return { beforeLoad, scriptMsAfterLoad: (after.ScriptDuration - atLoad.ScriptDuration) * 1000 };
};

/**
 * Runs the page-cost comparison. `runs` page views per variant (interleaved), plus
 * `handlerRuns` instrumented views of the Attune variant for the per-listener cost, plus
 * `loadRuns` unprofiled loads of each of the two at the set throttling and as many at 1x, for
 * Attune's main-thread time at load without a profiler's overhead.
 */
export const benchPageCost = async ({ runs = 3, vitalsRuns = 1, handlerRuns = 1, loadRuns = 10, throttle = 4, log = () => {} } = {}) => {
  const executablePath = process.env.ATTUNE_CHROMIUM || '/usr/bin/chromium';
  const dir = writeVariants();
  let endpoint = 'http://127.0.0.1:9/collect';
  // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs, for the
  // handler timings; the pages load nothing cross-origin but the collector, which answers CORS.
  const site = await startSiteServer({
    endpoint: () => endpoint,
    mounts: { '/bare/': join(dir, 'bare'), '/vitals/': join(dir, 'vitals') },
    headers: () => ({ 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' }),
  });
  const live = await startCollector({
    port: 0,
    store: createMemoryStore(),
    allowedOrigins: [site.url],
    rateLimit: false,
    onError: () => {},
  });
  const proxy = await startCountingProxy(live.url);
  endpoint = `${proxy.url}/collect`;
  let browser = null;
  let version = '';
  const variants = {
    without: { url: `${site.url}/bare/`, rows: [] },
    with: { url: `${site.url}/`, rows: [] },
    'with + vitals': { url: `${site.url}/vitals/`, rows: [] },
  };
  const handlerRows = [];
  const loads = { [throttle]: { with: [], without: [] }, 1: { with: [], without: [] } };
  try {
    browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS });
    version = browser.version();
    const plan = [];
    for (let i = 0; i < runs; i++) {
      plan.push('without', 'with');
      if (i < vitalsRuns) plan.push('with + vitals');
    }
    for (const [i, name] of plan.entries()) {
      log(`page cost ${i + 1}/${plan.length + handlerRuns}: ${name}`);
      variants[name].rows.push(await runOnce(browser, { url: variants[name].url, proxy, throttle, timeHandlers: false }));
    }
    for (let i = 0; i < handlerRuns; i++) {
      log(`page cost ${plan.length + i + 1}/${plan.length + handlerRuns}: handler timing`);
      handlerRows.push(await runOnce(browser, { url: variants.with.url, proxy, throttle, timeHandlers: true }));
    }
    for (let i = 0; i < loadRuns; i++) {
      log(`load only ${i + 1}/${loadRuns}: ${throttle}x and 1x`);
      for (const rate of [throttle, 1]) {
        for (const name of ['without', 'with'])
          loads[rate][name].push(await loadOnce(browser, { url: variants[name].url, throttle: rate }));
      }
    }
  } finally {
    await browser?.close();
    await proxy.close();
    await live.close();
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }

  const summary = {};
  for (const [name, { rows }] of Object.entries(variants)) {
    if (!rows.length) continue;
    const m = (key) => median(rows.map((r) => r[key]));
    const known = (key) => rows.map((r) => r[key]).filter((x) => x != null);
    const min = (key) => (known(key).length ? Math.min(...known(key)) : null);
    const max = (key) => (known(key).length ? Math.max(...known(key)) : null);
    summary[name] = {
      runs: rows.length,
      scriptMsAtLoad: m('scriptMsAtLoad'),
      taskMsAtLoad: m('taskMsAtLoad'),
      attuneMsAtLoad: m('attuneMsAtLoad'),
      attuneMsBeforeLoad: m('attuneMsBeforeLoad'),
      attuneMsBeforeLoadMin: min('attuneMsBeforeLoad'),
      attuneTracedMsBeforeLoad: m('attuneTracedMsBeforeLoad'),
      attuneTracedMsBeforeLoadMin: min('attuneTracedMsBeforeLoad'),
      attuneMsAfterLoad: m('attuneMsAfterLoad'),
      attuneMaxTaskMs: m('attuneMaxTaskMs'),
      attuneMaxTaskMsMax: max('attuneMaxTaskMs'),
      longTasksWithAttune: m('longTasksWithAttune'),
      longTasksAddedByAttune: max('longTasksAddedByAttune'),
      longTasksAtLoad: m('longTasksAtLoad'),
      scriptMsVisit: m('scriptMsVisit'),
      taskMsVisit: m('taskMsVisit'),
      attuneMsVisit: m('attuneMsVisit'),
      longTasksVisit: m('longTasksVisit'),
      inp: m('inp'),
      maxInteraction: m('maxInteraction'),
      cls: m('cls'),
      interactionsSeen: m('interactionsSeen'),
      helpShownRuns: rows.filter((r) => r.helpShown).length,
      requestsToCollector: m('requestsToCollector'),
      bytesToCollector: m('bytesToCollector'),
      attuneFiles: rows[0].attuneFiles,
    };
  }
  const TYPES = ['click', 'pointermove', 'pointerdown', 'pointerup', 'keydown', 'input'];
  const stats = (xs) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return {
      events: xs.length,
      medianUs: xs.length ? +(median(xs) * 1000).toFixed(1) : null,
      p95Us: xs.length ? +(sorted[Math.floor(xs.length * 0.95)] * 1000).toFixed(1) : null,
    };
  };
  const handlers = Object.fromEntries(
    TYPES.map((type) => {
      const detectors = {};
      for (const r of handlerRows) {
        for (const [name, xs] of Object.entries(r.handlers?.byDetector?.[type] ?? {})) (detectors[name] ??= []).push(...xs);
      }
      return [
        type,
        {
          ...stats(handlerRows.flatMap((r) => r.handlers?.[type] ?? [])),
          detectors: Object.fromEntries(Object.entries(detectors).map(([name, xs]) => [name, stats(xs)])),
        },
      ];
    }),
  );
  const loadSummary = ({ with: rows, without }) => {
    const known = rows.map((r) => r.beforeLoad).filter(Boolean);
    if (!known.length) return null;
    const scriptWith = median(rows.map((r) => r.scriptMsAfterLoad));
    const scriptWithout = median(without.map((r) => r.scriptMsAfterLoad));
    return {
      runs: known.length,
      ms: median(known.map((r) => r.ms)),
      msMin: Math.min(...known.map((r) => r.ms)),
      cpuMs: median(known.map((r) => r.cpuMs)),
      cpuMsMin: Math.min(...known.map((r) => r.cpuMs)),
      scriptMsWithout: scriptWithout,
      scriptMsWith: scriptWith,
      scriptMsAdded: scriptWith - scriptWithout,
    };
  };
  return {
    throttle,
    chromium: version,
    atLoad: { throttled: loadSummary(loads[throttle]), unthrottled: loadSummary(loads[1]) },
    crossOriginIsolated: handlerRows[0]?.handlers?.isolated ?? null,
    variants: summary,
    handlers,
    runs: Object.fromEntries(Object.entries(variants).map(([k, v]) => [k, v.rows.map(({ handlers: _h, ...rest }) => rest)])),
  };
};
